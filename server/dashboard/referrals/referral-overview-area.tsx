import type { ReferralSummary } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { usePage } from "../ui/use-page.js";
import { AmbassadorsTable, ChannelsTable } from "./referral-overview-tables.js";
import { REFERRAL_STATUS_ORDER, referralStatusWord } from "./referral-words.js";

const countOf = (totals: ReferralSummary["totals"], ...statuses: (keyof ReferralSummary["totals"])[]) => statuses.reduce((sum, status) => sum + (totals[status]?.count ?? 0), 0);

/** The program at a glance: revenue from referred friends, referrals per status, top ambassadors, and clicks and conversion per channel. */
export function ReferralOverviewArea({ refreshKey }: { refreshKey: number }) {
  const { api, fmt } = useDashboard();
  const { data, error } = usePage(() => api.referralSummary(), [refreshKey]);
  const totals = data?.totals ?? {};
  const friends = REFERRAL_STATUS_ORDER.reduce((sum, status) => sum + (totals[status]?.count ?? 0), 0);
  const review = countOf(totals, "review");
  const statuses = REFERRAL_STATUS_ORDER.filter((status) => (totals[status]?.count ?? 0) > 0);
  return (
    <Area title="Overview" subtitle="Revenue counts referred friends' orders as points count them, without those cancelled, rejected or reversed.">
      {error && <Alert tone="error">{error}</Alert>}
      <dl class="ql-facts" data-testid="referral-facts">
        <div class="ql-facts__item ql-facts__item--accent">
          <dt>Revenue from friends</dt>
          <dd>{data ? fmt.money(data.revenueMinor) : "…"}</dd>
        </div>
        <div class="ql-facts__item">
          <dt>Friends who ordered</dt>
          <dd>{data ? fmt.count(friends) : "…"}</dd>
        </div>
        <div class="ql-facts__item">
          <dt>Paid</dt>
          <dd>{data ? fmt.count(countOf(totals, "paid")) : "…"}</dd>
        </div>
        <div class={`ql-facts__item${review > 0 ? " ql-facts__item--alert" : ""}`}>
          <dt>Needs review</dt>
          <dd>{data ? fmt.count(review) : "…"}</dd>
        </div>
      </dl>
      {statuses.length > 0 && (
        <p class="ql-referral-statuses">
          {statuses.map((status, index) => (
            <span key={status}>
              {index > 0 && <span aria-hidden="true"> · </span>}
              {referralStatusWord(status)}: <strong>{fmt.count(totals[status]?.count ?? 0)}</strong>
            </span>
          ))}
        </p>
      )}
      {data && (
        <div class="ql-referral-tables">
          <AmbassadorsTable ambassadors={data.topAmbassadors} />
          <ChannelsTable channels={data.channels} />
        </div>
      )}
    </Area>
  );
}
