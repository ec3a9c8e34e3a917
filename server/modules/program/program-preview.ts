import { z } from "zod";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { statsFromOrders } from "../members/member-stats.rules.js";
import { badgeSchema, challengeSchema } from "../settings/program-settings.js";
import { challengeRewardKey, challengesDue, goalProgress } from "./progress.rules.js";

const challengePreview = z.strictObject({ challenge: challengeSchema });
const badgePreview = z.strictObject({ badge: badgeSchema });

/** A challenge or a badge as the merchant is about to save it. */
export const previewRequestSchema = z.union([challengePreview, badgePreview]);
export type PreviewRequest = z.infer<typeof previewRequestSchema>;

/**
 * The schema a proposal is judged by, chosen by its key, so every issue of a broken challenge is named at its
 * field (a plain union would answer with whichever alternative had fewer issues, e.g. "badge is required").
 */
export function previewSchemaFor(body: unknown): z.ZodType<PreviewRequest> {
  const keys = typeof body === "object" && body !== null ? Object.keys(body) : [];
  if (keys.includes("challenge")) return challengePreview;
  if (keys.includes("badge")) return badgePreview;
  return previewRequestSchema;
}

export interface ProgramPreview {
  /** Members the change would pay (a challenge) or award (a badge) now. */
  members: number;
  /** Points it would pay them in all; a badge pays none. */
  points: number;
  /** Members whose history was measured. */
  measured: number;
}

const PAGE = 500;

/**
 * What saving the proposal would pay now, measured by the same rules the measurement job pays by: a challenge
 * counts the members it completes and has not paid yet (so a changed goal counts only the newly due).
 */
export async function previewProgramChange(storage: UnitOfWork<"members" | "orders" | "ledger">, storeId: number, proposal: PreviewRequest): Promise<ProgramPreview> {
  const preview: ProgramPreview = { members: 0, points: 0, measured: 0 };
  for (let offset = 0; ; offset += PAGE) {
    const page = await storage.read(storeId, async (tx) => {
      const { items } = await tx.members.list(storeId, { limit: PAGE, offset });
      const counted: ProgramPreview = { members: 0, points: 0, measured: items.length };
      for (const member of items) {
        const orders = await tx.orders.listForMember(storeId, member.id);
        if ("badge" in proposal) {
          if (goalProgress(proposal.badge.goal, statsFromOrders(orders)).completed) counted.members++;
          continue;
        }
        const paid = new Set(await tx.ledger.existingKeys(storeId, [challengeRewardKey(proposal.challenge.id, member.id)]));
        if (challengesDue([proposal.challenge], orders, paid, member.id).length > 0) {
          counted.members++;
          counted.points += proposal.challenge.points;
        }
      }
      return counted;
    });
    preview.members += page.members;
    preview.points += page.points;
    preview.measured += page.measured;
    if (page.measured < PAGE) return preview;
  }
}
