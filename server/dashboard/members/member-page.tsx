import { useEffect, useRef, useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import { actorLabel, ledgerKindLabel, memberLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Pager } from "../ui/pager.js";
import { usePage } from "../ui/use-page.js";
import { MemberReferralPanel } from "../referrals/member-referral-panel.js";
import { AdjustForm } from "./adjust-form.js";
import { MemberTierPanel } from "./member-tier-panel.js";

const PAGE_SIZE = 10;

/** One member: headline figures, the adjustment form and the points history, each entry with its basis in words. */
export function MemberPage({ memberId }: { memberId: string }) {
  const { api, fmt, navigate } = useDashboard();
  const [offset, setOffset] = useState(0);
  const { data, error, reload } = usePage(() => api.ledger(memberId, { limit: PAGE_SIZE, offset }), [memberId, offset]);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [memberId, Boolean(data)]);
  const member = data?.member;

  return (
    <section
      class="named-area"
      aria-labelledby="member-title"
      onKeyDown={(event) => {
        if (event.key === "Escape") navigate("/members");
      }}
    >
      <div class="named-area__body">
        <div class="a-card a-card--normal">
          <div class="a-card__paddings ql-member">
            <a class="horizontal-icolink ql-back" href="#/members">
              <span class="icon-arr-left" aria-hidden="true"></span>
              <span>All members</span>
            </a>
            {error && <Alert tone="error">{error}</Alert>}
            <div class="ql-member__head">
              <h2 class="ql-member__title" id="member-title" tabIndex={-1} ref={title}>
                {member ? memberLabel(member) : "…"}
              </h2>
              <dl class="ql-facts">
                <div class="ql-facts__item ql-facts__item--accent">
                  <dt>Balance</dt>
                  <dd data-testid="member-balance">{member ? fmt.count(member.balance) : "…"}</dd>
                </div>
                <div class="ql-facts__item">
                  <dt>Paid orders</dt>
                  <dd>{member ? fmt.count(member.stats.paidOrders) : "…"}</dd>
                </div>
                <div class="ql-facts__item">
                  <dt>Lifetime spend</dt>
                  <dd>{member ? fmt.money(member.stats.lifetimeSpendMinor) : "…"}</dd>
                </div>
                <div class="ql-facts__item">
                  <dt>Member since</dt>
                  <dd>{member ? fmt.date(member.createdAt) : "…"}</dd>
                </div>
              </dl>
            </div>
            {member && <MemberReferralPanel memberId={memberId} referral={member.referral} onChanged={reload} />}
            <MemberTierPanel memberId={memberId} />
            <div class="ql-member__grid">
              <AdjustForm
                memberId={memberId}
                onAdjusted={() => {
                  setOffset(0);
                  reload();
                }}
              />
              <div class="ql-panel ql-panel--flush">
                <h3 class="ql-panel__title">Points history</h3>
                <div class="ql-table-wrap">
                  <table class="ql-table ql-table--compact" data-testid="ledger">
                    <caption class="ql-visually-hidden">Points history, newest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">When</th>
                        <th scope="col" class="ql-num">
                          Points
                        </th>
                        <th scope="col">Kind</th>
                        <th scope="col">Why</th>
                        <th scope="col">By</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data?.items.length === 0 && (
                        <tr>
                          <td colSpan={5} class="ql-empty">
                            No points yet.
                          </td>
                        </tr>
                      )}
                      {data?.items.map((entry) => (
                        <tr key={entry.id} data-entry-id={entry.id}>
                          <td data-label="When">{fmt.dateTime(entry.createdAt)}</td>
                          <td class={`ql-num ql-delta ${entry.delta > 0 ? "ql-delta--up" : entry.delta < 0 ? "ql-delta--down" : ""}`} data-label="Points">
                            {fmt.signedPoints(entry.delta)}
                          </td>
                          <td data-label="Kind">
                            <span class={`ql-tag ql-tag--${entry.kind}`}>{ledgerKindLabel(entry.kind)}</span>
                          </td>
                          <td class="ql-wrap" data-label="Why">
                            {entry.explanation || "—"}
                          </td>
                          <td class="ql-wrap" data-label="By">
                            {actorLabel(entry.actor)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {data && <Pager label="History pages" offset={offset} limit={PAGE_SIZE} total={data.total} fmt={fmt} onPage={setOffset} />}
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
