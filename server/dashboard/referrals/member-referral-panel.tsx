import { useRef, useState } from "preact/hooks";
import type { MemberReferral } from "../../modules/referrals/referral.js";
import { useDashboard } from "../context.js";
import { actorLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { useSave } from "../ui/use-save.js";
import { AmbassadorBlockForm } from "./ambassador-block-form.js";

const clicksOf = (referral: MemberReferral) => Object.values(referral.clicks).reduce((sum: number, n) => sum + (n ?? 0), 0);

/** On a member's page: their referral code and counters, and Block (with a reason) or Unblock as an ambassador. */
export function MemberReferralPanel({ memberId, referral, onChanged }: { memberId: string; referral: MemberReferral | null; onChanged: () => void }) {
  const { api, fmt } = useDashboard();
  const unblock = useSave<never>();
  const [blocking, setBlocking] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const refocus = () => requestAnimationFrame(() => toggle.current?.focus());

  if (!referral)
    return (
      <div class="ql-panel ql-member-referral">
        <h3 class="ql-panel__title">Referrals</h3>
        <p class="ql-panel__hint">No referral code yet: one is issued when the member signs in to the widget while the referral program runs.</p>
      </div>
    );

  const facts: [string, number][] = [
    ["Link visits", clicksOf(referral)],
    ["Friends who ordered", referral.friendsOrdered],
    ["Waiting", referral.pending],
    ["Paid", referral.paid],
  ];
  return (
    <div class="ql-panel ql-member-referral">
      <h3 class="ql-panel__title">
        Referrals · <code data-testid="referral-code">{referral.code}</code>
      </h3>
      <dl class="ql-facts ql-member-referral__facts">
        {facts.map(([label, n]) => (
          <div class="ql-facts__item" key={label}>
            <dt>{label}</dt>
            <dd>{fmt.count(n)}</dd>
          </div>
        ))}
      </dl>
      {referral.blocked && (
        <Alert tone="warning" title="Blocked as an ambassador">
          <p>“{referral.blocked.reason}”</p>
          <p>
            Since {fmt.date(referral.blocked.at)}, by {actorLabel(referral.blocked.by)}. Their code still leads friends to the shop, but their referrals pay them nothing.
          </p>
        </Alert>
      )}
      {unblock.error && <Alert tone="error">{unblock.error}</Alert>}
      {blocking ? (
        <AmbassadorBlockForm
          memberId={memberId}
          onBlocked={() => {
            setBlocking(false);
            onChanged();
            refocus();
          }}
          onCancel={() => {
            setBlocking(false);
            refocus();
          }}
        />
      ) : referral.blocked ? (
        <button
          ref={toggle}
          class="btn btn-default btn-medium"
          type="button"
          disabled={unblock.busy}
          onClick={async () => {
            if (await unblock.run(() => api.unblockAmbassador(memberId))) onChanged();
          }}
        >
          Unblock ambassador
        </button>
      ) : (
        <button ref={toggle} class="btn btn-default btn-medium" type="button" onClick={() => setBlocking(true)}>
          Block as an ambassador
        </button>
      )}
    </div>
  );
}
