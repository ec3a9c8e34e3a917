import { z } from "zod";
import { notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { Challenge } from "./challenge-progress.rules.js";
import type { ProofPhoto, ProofPhotoStore } from "./proof-photo.js";
import { proofViewSchema, type ProofList, type ProofView } from "./proof-review-schema.js";
import type { TaskCompletion } from "./task-completion.js";
import { taskAnswerSchema } from "./task-schema.js";
import type { TaskService } from "./task.service.js";

/** `POST /api/admin/program/proofs/:id/approve|reject`: the proof as decided, and what approving it paid. */
export const proofDecisionSchema = z.object({ proof: proofViewSchema, awarded: taskAnswerSchema.shape.awarded });
export type ProofDecision = z.infer<typeof proofDecisionSchema>;

type Proof = TaskCompletion & { status: ProofView["status"] };
type ProofReads = UnitOfWork<"tasks" | "members" | "settings">;

const isProof = (completion: TaskCompletion | null): completion is Proof => completion !== null && completion.status !== "done";

/** The proof as the dashboard shows it: the challenge's title and prompt as they are now, the member's email. */
function proofView(proof: Proof, challenge: Challenge | undefined, email: string | null): ProofView {
  return {
    id: proof.id,
    challengeId: proof.challengeId,
    challengeTitle: challenge?.title ?? proof.challengeId,
    prompt: challenge?.goal.kind === "proof" ? challenge.goal.prompt : null,
    member: { id: proof.memberId, email },
    status: proof.status,
    link: proof.link,
    photoPath: proof.photo ? `/api/admin/program/proofs/${encodeURIComponent(proof.id)}/photo` : null,
    sentAt: proof.completedAt,
    decidedAt: proof.decidedAt,
    reason: proof.reason,
  };
}

async function viewsOf(tx: Parameters<Parameters<ProofReads["read"]>[1]>[0], storeId: number, proofs: Proof[]): Promise<ProofView[]> {
  const challenges = (await tx.settings.get(storeId))?.challenges ?? [];
  const emails = new Map<string, string | null>();
  for (const memberId of new Set(proofs.map((proof) => proof.memberId))) emails.set(memberId, (await tx.members.get(storeId, memberId))?.email ?? null);
  return proofs.map((proof) =>
    proofView(
      proof,
      challenges.find((one) => one.id === proof.challengeId),
      emails.get(proof.memberId) ?? null,
    ),
  );
}

/** A page of the review queue (pending, oldest first) or of decided proofs. */
export function listProofs(storage: ProofReads, storeId: number, query: { status: ProofView["status"]; limit: number; offset: number }): Promise<ProofList> {
  return storage.read(storeId, async (tx) => {
    const { total, items } = await tx.tasks.listByStatus(storeId, query.status, { limit: query.limit, offset: query.offset });
    return { total, items: await viewsOf(tx, storeId, items.filter(isProof)) };
  });
}

/** The photo a proof waits with; not found once it is decided (the photo is removed then) or when it had none. */
export async function proofPhoto(storage: UnitOfWork<"tasks">, photos: Pick<ProofPhotoStore, "get">, storeId: number, completionId: string): Promise<ProofPhoto> {
  const proof = await storage.read(storeId, (tx) => tx.tasks.get(storeId, completionId));
  const photo = isProof(proof) && proof.photo ? await photos.get(storeId, completionId) : null;
  if (!photo) throw notFound(`proof ${completionId} has no photo`);
  return photo;
}

/**
 * The merchant approves (paid by TaskService in the decision's transaction) or rejects a proof; the decision is
 * then written to the audit log under the merchant's name, for Activity.
 */
export async function decideProof(
  deps: { tasks: Pick<TaskService, "review">; storage: UnitOfWork<"tasks" | "members" | "settings" | "audit"> },
  storeId: number,
  completionId: string,
  decision: { approve: true } | { approve: false; reason: string },
  actor: string,
): Promise<ProofDecision> {
  const { proof, awarded } = await deps.tasks.review(storeId, completionId, decision);
  const decidedAt = proof.decidedAt;
  if (!isProof(proof) || decidedAt === null) throw new Error(`proof ${completionId} came back undecided`);
  return deps.storage.transaction(storeId, async (tx) => {
    const challenge = (await tx.settings.get(storeId))?.challenges.find((one) => one.id === proof.challengeId);
    const view = proofView(proof, challenge, (await tx.members.get(storeId, proof.memberId))?.email ?? null);
    await tx.audit.append(storeId, {
      id: newId("aud"),
      storeId,
      actor,
      action: decision.approve ? "proof.approved" : "proof.rejected",
      subject: proof.memberId,
      details: { completionId, challengeId: proof.challengeId, challengeTitle: view.challengeTitle, reason: proof.reason, points: awarded.points },
      createdAt: decidedAt,
    });
    return { proof: view, awarded };
  });
}
