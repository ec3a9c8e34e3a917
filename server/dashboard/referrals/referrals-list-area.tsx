import { useEffect, useRef, useState } from "preact/hooks";
import type { AdminReferral } from "../api.js";
import type { ReferralStatus } from "../../modules/referrals/referral.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { ListFilter } from "../ui/list-filter.js";
import { Pager } from "../ui/pager.js";
import { usePage } from "../ui/use-page.js";
import { ambassadorLabel, ReferralRow } from "./referral-row.js";
import { REFERRAL_STATUS_FILTERS, referralStatusLabel } from "./referral-words.js";

const PAGE_SIZE = 20;

const decidedWords = (referral: AdminReferral, date: (iso: string | null) => string) =>
  `${referral.status === "rejected" ? "Rejected" : "Approved"}: order ${referral.orderId} from ${referral.friend.email ?? "a guest"}, referred by ${ambassadorLabel(referral.ambassador)}. Now ${referralStatusLabel(referral, date).toLowerCase()}.`;

/** Every friend's order attributed to an ambassador, newest first, by status; those needing review carry Approve and Reject. */
export function ReferralsListArea({ refreshKey, onDecided }: { refreshKey: number; onDecided: () => void }) {
  const { api, fmt } = useDashboard();
  const [query, setQuery] = useState<{ status: ReferralStatus | ""; offset: number }>({ status: "", offset: 0 });
  const { data, error, reload } = usePage(() => api.referrals({ status: query.status || undefined, limit: PAGE_SIZE, offset: query.offset }), [query, refreshKey]);
  const [message, setMessage] = useState("");
  const notice = useRef<HTMLDivElement>(null);

  // The last referral of a later page decided away from the filter: that page is empty now, so the one before is shown.
  useEffect(() => {
    if (data && data.items.length === 0 && query.offset > 0) setQuery({ ...query, offset: Math.max(0, query.offset - PAGE_SIZE) });
  }, [data]);

  function decided(referral: AdminReferral) {
    setMessage(decidedWords(referral, fmt.date));
    reload();
    onDecided();
    notice.current?.focus();
  }

  const filterName = REFERRAL_STATUS_FILTERS.find(([status]) => status === query.status)?.[1] ?? "";
  const summary = !data
    ? "Loading referrals…"
    : data.total === 0
      ? query.status
        ? `No referrals are ${filterName.toLowerCase()}.`
        : "No referrals yet: they appear when a friend's order carries an ambassador's code."
      : `${fmt.count(data.total)} ${data.total === 1 ? "referral" : "referrals"}, newest first`;
  return (
    <Area title="Referrals" subtitle="Each friend's order that carried an ambassador's code, where it stands and why. Those with a serious signal wait for your decision.">
      <ListFilter
        label="Status"
        value={query.status}
        options={REFERRAL_STATUS_FILTERS}
        onChange={(status) => {
          setMessage("");
          setQuery({ status, offset: 0 });
        }}
        summary={summary}
        error={error}
      />
      <div ref={notice} tabIndex={-1} class="ql-referrals__notice">
        {message && <Alert tone="success">{message}</Alert>}
      </div>
      <div class="ql-table-wrap" hidden={!data?.total}>
        <table class="ql-table ql-referrals" data-testid="referrals">
          <caption class="ql-visually-hidden">Referrals{query.status ? `: ${filterName}` : ""}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Friend</th>
              <th scope="col">Ambassador</th>
              <th scope="col">Order</th>
              <th scope="col" class="ql-num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Signals</th>
              <th scope="col">
                <span class="ql-visually-hidden">Decision</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((referral) => (
              <ReferralRow key={referral.id} referral={referral} onDecided={decided} />
            ))}
          </tbody>
        </table>
      </div>
      {data && <Pager label="Referral pages" offset={query.offset} limit={PAGE_SIZE} total={data.total} fmt={fmt} onPage={(offset) => setQuery({ ...query, offset })} />}
    </Area>
  );
}
