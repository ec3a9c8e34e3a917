import { useState } from "preact/hooks";
import type { ProofDecision, ProofView } from "../api.js";
import { useDashboard } from "../context.js";
import { memberLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { useSave } from "../ui/use-save.js";
import { safeLink } from "./proof-words.js";
import { ProofPhoto } from "./proof-photo.js";
import { RejectForm } from "./reject-form.js";

/** One proof: what the challenge asked, who sent what and when; while it waits, Approve and Reject with a reason. */
export function ProofItem({ proof, onDecided }: { proof: ProofView; onDecided: (decision: ProofDecision) => void }) {
  const { api, fmt } = useDashboard();
  const approve = useSave<never>();
  const [rejecting, setRejecting] = useState(false);
  const who = memberLabel(proof.member);
  const href = proof.link ? safeLink(proof.link) : null;

  async function approveIt() {
    const decision = await approve.run(() => api.approveProof(proof.id));
    if (decision) onDecided(decision);
  }

  return (
    <li class="ql-items__item ql-proof" data-proof-id={proof.id}>
      <div class="ql-proof__main">
        <h3 class="ql-proof__title">{proof.challengeTitle}</h3>
        {proof.prompt && <p class="ql-proof__prompt">{proof.prompt}</p>}
        <p class="ql-proof__meta">
          <a class="ql-linklike" href={`#/members/${encodeURIComponent(proof.member.id)}`}>
            {who}
          </a>
          <span aria-hidden="true"> · </span>
          sent <time dateTime={proof.sentAt}>{fmt.dateTime(proof.sentAt)}</time>
        </p>
        {proof.link && (
          <p class="ql-proof__link">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {proof.link}
                <span class="ql-visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              proof.link
            )}
          </p>
        )}
        {proof.photoPath && <ProofPhoto path={proof.photoPath} alt={`Photo ${who} sent for ${proof.challengeTitle}`} />}
        {proof.status !== "pending" && (
          <p class="ql-proof__decision">
            {proof.status === "approved" ? "Approved" : "Rejected"} <time dateTime={proof.decidedAt ?? undefined}>{fmt.dateTime(proof.decidedAt)}</time>
            {proof.reason && <span class="ql-cell-line">“{proof.reason}”</span>}
          </p>
        )}
        {approve.error && <Alert tone="error">{approve.error}</Alert>}
        {rejecting && <RejectForm proof={proof} onDecided={onDecided} onCancel={() => setRejecting(false)} />}
      </div>
      {proof.status === "pending" && !rejecting && (
        <div class="ql-proof__actions">
          <button
            class="btn btn-primary btn-small"
            type="button"
            disabled={approve.busy}
            aria-label={`Approve: ${proof.challengeTitle} from ${who}`}
            onClick={() => void approveIt()}
          >
            Approve
          </button>
          <button class="btn btn-default btn-small" type="button" aria-label={`Reject: ${proof.challengeTitle} from ${who}`} onClick={() => setRejecting(true)}>
            Reject
          </button>
        </div>
      )}
    </li>
  );
}
