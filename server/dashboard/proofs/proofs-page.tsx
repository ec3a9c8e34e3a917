import { useEffect, useRef, useState } from "preact/hooks";
import type { ProofDecision, ProofView } from "../api.js";
import { useDashboard } from "../context.js";
import { memberLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { ListFilter } from "../ui/list-filter.js";
import { Pager } from "../ui/pager.js";
import { usePage } from "../ui/use-page.js";
import { ProofItem } from "./proof-item.js";
import { PROOF_FILTERS, proofSummary } from "./proof-words.js";

const PAGE_SIZE = 10;

const decidedWords = ({ proof, awarded }: ProofDecision, points: (n: number) => string) =>
  proof.status === "approved"
    ? `Approved: ${proof.challengeTitle} from ${memberLabel(proof.member)}${awarded.points > 0 ? `, ${points(awarded.points)} paid` : ""}.`
    : `Rejected: ${proof.challengeTitle} from ${memberLabel(proof.member)}. They will read your reason in the widget.`;

/** `#/program/proofs`: proof tasks' links and photos waiting for the merchant, oldest first, and those decided. */
export function ProofsPage() {
  const { api, fmt } = useDashboard();
  const [query, setQuery] = useState<{ status: ProofView["status"]; offset: number }>({ status: "pending", offset: 0 });
  const { data, error, reload } = usePage(() => api.proofs({ ...query, limit: PAGE_SIZE }), [query]);
  const [message, setMessage] = useState("");
  const notice = useRef<HTMLDivElement>(null);

  // The last proof of a later page decided: that page is empty now, so the one before it is shown.
  useEffect(() => {
    if (data && data.items.length === 0 && query.offset > 0) setQuery({ ...query, offset: Math.max(0, query.offset - PAGE_SIZE) });
  }, [data]);

  function decided(decision: ProofDecision) {
    setMessage(decidedWords(decision, fmt.points));
    reload();
    // The decided proof leaves the list: focus goes to what was said about it, not to the page's top.
    notice.current?.focus();
  }

  return (
    <>
      <p class="ql-back">
        <a href="#/program">← Program</a>
      </p>
      <Area
        title="Proofs to review"
        subtitle="Links and photos shoppers sent for proof tasks. Approving pays the challenge; rejecting tells the shopper why, and they may send proof again."
      >
        <ListFilter
          label="Show"
          value={query.status}
          options={PROOF_FILTERS}
          onChange={(status) => {
            setMessage("");
            setQuery({ status, offset: 0 });
          }}
          summary={data ? proofSummary(query.status, data.total, fmt.count) : "Loading proofs…"}
          error={error}
        />
        <div ref={notice} tabIndex={-1} class="ql-proofs__notice">
          {message && <Alert tone="success">{message}</Alert>}
        </div>
        <ul class="ql-items ql-proofs" aria-label={`Proofs: ${PROOF_FILTERS.find(([status]) => status === query.status)?.[1] ?? ""}`}>
          {data?.items.map((proof) => (
            <ProofItem key={proof.id} proof={proof} onDecided={decided} />
          ))}
        </ul>
        {data && <Pager label="Proof pages" offset={query.offset} limit={PAGE_SIZE} total={data.total} fmt={fmt} onPage={(offset) => setQuery({ ...query, offset })} />}
      </Area>
    </>
  );
}
