import type { HoldoutInsights } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { SimpleTable } from "../ui/simple-table.js";
import { usePage } from "../ui/use-page.js";

type Side = HoldoutInsights["program"] & { name: string };

/** Is it working? Members in the program against members held out, who joined while a holdout ran, with the sample sizes. */
export function HoldoutPanel() {
  const { api, fmt } = useDashboard();
  const { data, error } = usePage(() => api.holdoutInsights(), []);
  const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  const period = data?.period;
  // Without a holdout there is nothing to compare: the card says how to set one, and no table of zeros says otherwise.
  const compared = data && ((period?.percent ?? 0) > 0 || data.holdout.members > 0) ? data : null;
  const rows: Side[] = compared
    ? [
        { name: "In the program", ...compared.program },
        { name: "Left out (holdout)", ...compared.holdout },
      ]
    : [];
  return (
    <Area
      title="Is it working?"
      subtitle={
        period && period.percent > 0
          ? `${period.percent}% of the members who join from ${period.from} to ${period.until} are left out of the program. Spend and repeat orders are counted since each member joined.`
          : "Members against shoppers a holdout leaves out of the program."
      }
    >
      {error && <Alert tone="error">{error}</Alert>}
      {data && !compared && (
        <p class="ql-status">
          No holdout is set. Set a holdout on the <a href="#/program">Program page</a> to leave a share of new members out for a while and see what the program adds.
        </p>
      )}
      {compared?.smallSample && (
        <Alert tone="info">
          Too few members to tell yet: {fmt.count(compared.program.members)} in the program and {fmt.count(compared.holdout.members)} left out. Differences between small groups are
          mostly chance; wait for 100 or more on each side.
        </Alert>
      )}
      {compared && (
        <SimpleTable
          caption="Members against members left out"
          testId="holdout-comparison"
          rows={rows}
          rowKey={(row) => row.name}
          empty=""
          columns={[
            { label: "Group", cell: (row) => row.name },
            { label: "Members", num: true, cell: (row) => fmt.count(row.members) },
            { label: "Ordered again", num: true, cell: (row) => (row.members === 0 ? "—" : percent(row.repeatRate)) },
            { label: "Spend per member", num: true, cell: (row) => (row.members === 0 ? "—" : fmt.money(row.averageSpendMinor)) },
          ]}
        />
      )}
    </Area>
  );
}
