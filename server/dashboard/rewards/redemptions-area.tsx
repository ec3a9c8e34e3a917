import { useState } from "preact/hooks";
import type { AdminRedemption, RedemptionStatus } from "../api.js";
import { useDashboard } from "../context.js";
import { memberLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { ListFilter } from "../ui/list-filter.js";
import { Pager } from "../ui/pager.js";
import { usePage } from "../ui/use-page.js";
import { handAction, kindLabel, STATUS_FILTERS, statusLabel } from "./redemption-words.js";

const PAGE_SIZE = 20;

/** Every redemption, newest first, by status; experiences and donations carry the button that fulfils them. */
export function RedemptionsArea({ refreshKey, onFulfilled }: { refreshKey: number; onFulfilled: () => void }) {
  const { api, fmt } = useDashboard();
  const [query, setQuery] = useState<{ status: RedemptionStatus | ""; offset: number }>({ status: "", offset: 0 });
  const { data, error } = usePage(() => api.redemptions({ status: query.status || undefined, limit: PAGE_SIZE, offset: query.offset }), [query, refreshKey]);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function fulfil(redemption: AdminRedemption) {
    setBusy(redemption.id);
    try {
      const done = await api.fulfil(redemption.id);
      setMessage({ tone: "success", text: `${done.rewardName} for ${memberLabel(done.member)}: ${statusLabel(done).toLowerCase()}.` });
      onFulfilled();
    } catch (failure) {
      setMessage({ tone: "error", text: (failure as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const summary = !data ? "Loading redemptions…" : data.total === 0 ? "No redemptions yet." : `${fmt.count(data.total)} ${data.total === 1 ? "redemption" : "redemptions"}`;
  return (
    <Area title="Redemptions" subtitle="What members spent their points on, newest first. Experiences and donations wait for you to fulfil them.">
      <ListFilter label="Status" value={query.status} options={STATUS_FILTERS} onChange={(status) => setQuery({ status, offset: 0 })} summary={summary} error={error} />
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div class="ql-table-wrap">
        <table class="ql-table ql-redemptions" data-testid="redemptions">
          <caption class="ql-visually-hidden">Redemptions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Reward</th>
              <th scope="col">Member</th>
              <th scope="col" class="ql-num">
                Points
              </th>
              <th scope="col">Status</th>
              <th scope="col">Coupon</th>
              <th scope="col">Redeemed</th>
              <th scope="col">
                <span class="ql-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((redemption) => {
              const action = handAction(redemption);
              return (
                <tr key={redemption.id} data-redemption-id={redemption.id}>
                  <th scope="row" data-label="Reward">
                    <span>
                      {redemption.rewardName}
                      <span class="ql-hint ql-cell-line">
                        {kindLabel(redemption.rewardKind)}
                        {redemption.valueMinor !== null && ` · ${fmt.money(redemption.valueMinor)}`}
                      </span>
                    </span>
                  </th>
                  <td data-label="Member">
                    <a class="ql-linklike" href={`#/members/${redemption.member.id}`}>
                      {memberLabel(redemption.member)}
                    </a>
                  </td>
                  <td data-label="Points" class="ql-num">
                    {fmt.count(redemption.points)}
                  </td>
                  <td data-label="Status">
                    <span>
                      {statusLabel(redemption)}
                      {redemption.reason && <span class="ql-hint ql-cell-line">{redemption.reason}</span>}
                    </span>
                  </td>
                  <td data-label="Coupon">
                    {redemption.coupon ? (
                      <span>
                        <code>{redemption.coupon.code}</code>
                        <span class="ql-hint ql-cell-line">expires {fmt.date(redemption.coupon.expiresAt)}</span>
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label="Redeemed">
                    <span>
                      <time dateTime={redemption.createdAt}>{fmt.dateTime(redemption.createdAt)}</time>
                      {/* A coupon issued seconds after its redemption is no change worth a line: only one the merchant can read as later. */}
                      {fmt.dateTime(redemption.updatedAt) !== fmt.dateTime(redemption.createdAt) && (
                        <span class="ql-hint ql-cell-line">changed {fmt.dateTime(redemption.updatedAt)}</span>
                      )}
                    </span>
                  </td>
                  <td data-label={action ? "Action" : undefined} class="ql-actions">
                    {action && (
                      <button
                        class="btn btn-default btn-small"
                        type="button"
                        disabled={busy === redemption.id}
                        aria-label={`${action}: ${redemption.rewardName} for ${memberLabel(redemption.member)}`}
                        onClick={() => void fulfil(redemption)}
                      >
                        {action}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data && <Pager label="Redemption pages" offset={query.offset} limit={PAGE_SIZE} total={data.total} fmt={fmt} onPage={(offset) => setQuery({ ...query, offset })} />}
    </Area>
  );
}
