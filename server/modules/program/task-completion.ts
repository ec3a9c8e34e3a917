import { z } from "zod";

/**
 * A shopper task done in the widget (join, birthday, visit, survey, proof): the history shopper-kind challenges are
 * measured from. Only `done` and `approved` ones count; a proof waits `pending` until the merchant decides, and a
 * rejected one may be sent again in the same period.
 */
export const taskCompletionSchema = z.object({
  id: z.string(),
  storeId: z.number().int(),
  memberId: z.string(),
  challengeId: z.string(),
  /** The period it was done in (`challengeStanding`'s periodKey at the time): "once", "2026-12-01", "2026-W49", "2026-12", "n3". */
  periodKey: z.string(),
  status: z.enum(["done", "pending", "approved", "rejected"]),
  /** A survey's answer (the NPS is made of them). */
  answer: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  /** Proof: the link the shopper sent; `photo` whether a photo waits in the proof photo store under this id. */
  link: z.string().nullable(),
  photo: z.boolean(),
  /** Why the merchant turned the proof down, for the shopper to read. */
  reason: z.string().nullable(),
  /** When the shopper did it or sent the proof: the instant the challenge's window and period are judged by. */
  completedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TaskCompletion = z.infer<typeof taskCompletionSchema>;
export type TaskStatus = TaskCompletion["status"];

export interface TaskCompletionRepository {
  /** Refused (conflict) while the member has a completion of the challenge and period that is not rejected. */
  insert(storeId: number, completion: TaskCompletion): Promise<void>;
  get(storeId: number, id: string): Promise<TaskCompletion | null>;
  /** Every completion of the member, oldest first. */
  listForMember(storeId: number, memberId: string): Promise<TaskCompletion[]>;
  /** Completions with this status, oldest first (the review queue); `total` counts them all. */
  listByStatus(storeId: number, status: TaskStatus, page: { limit: number; offset: number }): Promise<{ total: number; items: TaskCompletion[] }>;
  /** Saves a decision: status, reason, decidedAt, photo. */
  update(storeId: number, completion: TaskCompletion): Promise<void>;
}

/** The key under which a member has at most one live (not rejected) completion per challenge and period. */
export const liveCompletionKey = (completion: Pick<TaskCompletion, "memberId" | "challengeId" | "periodKey" | "status">): string | null =>
  completion.status === "rejected" ? null : `${completion.memberId}\u0000${completion.challengeId}\u0000${completion.periodKey}`;
