import type { Overview } from "../api.js";
import { useDashboard } from "../context.js";
import { Area } from "../ui/area.js";
import { SimpleTable } from "../ui/simple-table.js";

/** What worked in the range: the challenges completed most, the rewards redeemed most, the ambassadors who brought most friends. */
export function TopsArea({ overview }: { overview: Overview }) {
  const { fmt } = useDashboard();
  return (
    <Area title="Top of the range">
      <div class="ql-overview-tops">
        <SimpleTable
          captionShown
          caption="Top challenges, most completions first"
          testId="top-challenges"
          rows={overview.topChallenges}
          rowKey={(row) => row.challengeId}
          empty="No challenge completed in this range."
          columns={[
            { label: "Challenge", cell: (row) => row.title ?? "(a deleted challenge)" },
            { label: "Completions", num: true, cell: (row) => fmt.count(row.completions) },
            { label: "Points", num: true, cell: (row) => fmt.count(row.points) },
          ]}
        />
        <SimpleTable
          captionShown
          caption="Top rewards, most redemptions first"
          testId="top-rewards"
          rows={overview.topRewards}
          rowKey={(row) => row.rewardId}
          empty="No reward redeemed in this range."
          columns={[
            { label: "Reward", cell: (row) => row.name },
            { label: "Redemptions", num: true, cell: (row) => fmt.count(row.redemptions) },
            { label: "Points", num: true, cell: (row) => fmt.count(row.points) },
          ]}
        />
        <SimpleTable
          captionShown
          caption="Top ambassadors, most friends first"
          testId="overview-ambassadors"
          rows={overview.topAmbassadors}
          rowKey={(row) => row.memberId}
          empty="No referred friend ordered in this range."
          columns={[
            {
              label: "Ambassador",
              cell: (row) => (
                <a class="ql-linklike" href={`#/members/${encodeURIComponent(row.memberId)}`}>
                  {row.name || row.email || row.memberId}
                </a>
              ),
            },
            { label: "Friends", num: true, cell: (row) => fmt.count(row.friends) },
            { label: "Revenue", num: true, cell: (row) => fmt.money(row.revenueMinor) },
          ]}
        />
      </div>
    </Area>
  );
}
