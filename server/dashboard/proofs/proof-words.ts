import type { ProofView } from "../api.js";

export const PROOF_FILTERS: [ProofView["status"], string][] = [
  ["pending", "Waiting for review"],
  ["approved", "Approved"],
  ["rejected", "Rejected"],
];

/** Only a web address is ever made a link; the server takes nothing else, and the dashboard does not rely on it. */
export const safeLink = (link: string): string | null => (/^https?:\/\//i.test(link) ? link : null);

/** "3 proofs wait for your review", "No approved proofs yet." */
export function proofSummary(status: ProofView["status"], total: number, count: (n: number) => string): string {
  const noun = total === 1 ? "proof" : "proofs";
  if (status === "pending") return total === 0 ? "Nothing waits for your review." : `${count(total)} ${noun} ${total === 1 ? "waits" : "wait"} for your review, oldest first.`;
  return total === 0 ? `No ${status} proofs yet.` : `${count(total)} ${status} ${noun}, oldest first.`;
}
