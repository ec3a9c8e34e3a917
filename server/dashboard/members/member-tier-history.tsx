import type { MemberTierView } from "../api.js";
import { useDashboard } from "../context.js";
import { SimpleTable } from "../ui/simple-table.js";
import { changeMeasuredWords, changeReasonWords, measuredColumnLabel } from "./member-tier-words.js";

type Change = MemberTierView["changes"][number];
type Metric = MemberTierView["standing"]["metric"];

/** Every recorded change of the member's tier, newest first: when, from and to, why, and what a review measured. */
export function MemberTierHistory({ changes, metric, nameOf }: { changes: Change[]; metric: Metric; nameOf: (id: string | null) => string }) {
  const { fmt } = useDashboard();
  return (
    <div class="ql-member-tier__history">
      <h4 class="ql-member-tier__subtitle">Tier changes</h4>
      <SimpleTable
        caption="Tier changes, newest first"
        testId="tier-changes"
        rows={changes}
        rowKey={(change) => change.id}
        empty="No tier changes yet."
        columns={[
          { label: "When", cell: (change) => fmt.dateTime(change.at) },
          { label: "Change", cell: (change) => `${nameOf(change.fromTierId)} → ${nameOf(change.toTierId)}` },
          { label: "Why", cell: (change) => changeReasonWords(change, fmt) },
          { label: measuredColumnLabel(metric), num: true, cell: (change) => changeMeasuredWords(change, fmt) },
        ]}
      />
    </div>
  );
}
