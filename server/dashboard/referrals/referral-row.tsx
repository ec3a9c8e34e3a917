import { useRef, useState } from "preact/hooks";
import type { AdminReferral } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { useSave } from "../ui/use-save.js";
import { ReferralRejectForm } from "./referral-reject-form.js";
import { referralReasonLabel, referralStatusLabel, severityLabel, signalLabel } from "./referral-words.js";

const COLUMNS = 7;

/** An email that may break before its "@" rather than inside a word. */
const breakableEmail = (email: string) => {
  const at = email.indexOf("@");
  return at > 0 ? (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  ) : (
    email
  );
};

export const ambassadorLabel = (ambassador: AdminReferral["ambassador"]) => ambassador.name || ambassador.email || ambassador.code;

/** One referral: the friend, who referred them, the order and its amount, where it stands and why, its signals; Approve or Reject while it needs review. */
export function ReferralRow({ referral, onDecided }: { referral: AdminReferral; onDecided: (decided: AdminReferral) => void }) {
  const { api, fmt } = useDashboard();
  const approve = useSave<never>();
  const [rejecting, setRejecting] = useState(false);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const friend = referral.friend.email ?? "Guest";
  const who = `order ${referral.orderId} from ${friend}`;

  async function approveIt() {
    const decided = await approve.run(() => api.approveReferral(referral.id));
    if (decided) onDecided(decided);
  }

  return (
    <>
      <tr data-referral-id={referral.id}>
        <th scope="row" data-label="Friend" class="ql-wrap ql-referral-friend">
          <span>
            {breakableEmail(friend)}
            <span class="ql-hint ql-cell-line">
              <time dateTime={referral.createdAt}>{fmt.date(referral.createdAt)}</time>
            </span>
          </span>
        </th>
        <td data-label="Ambassador" class="ql-wrap">
          <span>
            <a class="ql-linklike" href={`#/members/${encodeURIComponent(referral.ambassador.id)}`}>
              {ambassadorLabel(referral.ambassador)}
            </a>
            <span class="ql-hint ql-cell-line">
              <code>{referral.ambassador.code}</code>
            </span>
          </span>
        </td>
        <td data-label="Order">
          <span>
            #{referral.orderId}
            <span class="ql-hint ql-cell-line">{referral.via === "coupon" ? "code as coupon" : "code from the link"}</span>
          </span>
        </td>
        <td data-label="Amount" class="ql-num">
          {fmt.money(referral.eligibleMinor)}
        </td>
        <td data-label="Status" class="ql-wrap">
          <span>
            <span class={`ql-tag ql-tag--referral-${referral.status}`}>{referralStatusLabel(referral, fmt.date)}</span>
            {referral.status === "paid" && referral.points > 0 && <span class="ql-hint ql-cell-line">{fmt.points(referral.points)}</span>}
            {referral.reason && <span class="ql-cell-line ql-referral-reason">{referralReasonLabel(referral.reason)}</span>}
            {referral.note && <span class="ql-hint ql-cell-line">“{referral.note}”</span>}
          </span>
        </td>
        <td data-label="Signals" class="ql-wrap">
          {referral.signals.length === 0 ? (
            "—"
          ) : (
            <ul class="ql-signals">
              {referral.signals.map((signal) => (
                <li key={signal.kind} class={`ql-signal ql-signal--${signal.severity}`}>
                  <span class="ql-signal__kind">{signalLabel(signal)}</span>
                  <span class="ql-hint ql-cell-line">
                    {severityLabel(signal.severity)}
                    {signal.detail && ` · ${signal.detail}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </td>
        <td data-label={referral.status === "review" ? "Decide" : undefined} class="ql-actions">
          {referral.status === "review" && !rejecting && (
            <span class="ql-referral-actions">
              <button class="btn btn-primary btn-small" type="button" disabled={approve.busy} aria-label={`Approve ${who}`} onClick={() => void approveIt()}>
                Approve
              </button>
              <button ref={rejectButton} class="btn btn-default btn-small" type="button" aria-label={`Reject ${who}`} onClick={() => setRejecting(true)}>
                Reject
              </button>
            </span>
          )}
        </td>
      </tr>
      {(rejecting || approve.error) && (
        <tr class="ql-referral-decision">
          <td colSpan={COLUMNS}>
            {approve.error && <Alert tone="error">{approve.error}</Alert>}
            {rejecting && (
              <ReferralRejectForm
                referral={referral}
                onDecided={onDecided}
                onCancel={() => {
                  setRejecting(false);
                  requestAnimationFrame(() => rejectButton.current?.focus());
                }}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
