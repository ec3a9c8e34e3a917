import { z } from "zod";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { badgeSchema, challengeSchema, type ProgramSettings } from "../settings/program-settings.js";
import { milestoneProgress } from "./badge-standing.rules.js";
import { unpaidKeys } from "./challenge-awards.js";
import { challengeHistory, loadReferralHistory } from "./challenge-history.js";
import { CHALLENGE_KEY_PREFIX, payoutsOf } from "./challenge-keys.rules.js";
import { challengeStanding } from "./challenge-progress.rules.js";

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
 * What saving the proposal would pay now, measured by the same rules payouts use: a challenge counts the
 * completions its members' order histories make that are not paid yet (so a changed goal counts only the newly
 * due), before its winners and budgets; a badge, the members whose history reaches its milestone.
 */
export async function previewProgramChange(
  storage: UnitOfWork<"members" | "orders" | "ledger" | "referrals">,
  storeId: number,
  proposal: PreviewRequest,
  context: { tiers: ProgramSettings["tiers"]; timeZone: string; now: Date },
): Promise<ProgramPreview> {
  const preview: ProgramPreview = { members: 0, points: 0, measured: 0 };
  for (let offset = 0; ; offset += PAGE) {
    const page = await storage.read(storeId, async (tx) => {
      const { items } = await tx.members.list(storeId, { limit: PAGE, offset });
      const counted: ProgramPreview = { members: 0, points: 0, measured: items.length };
      for (const member of items) {
        const challenges = "challenge" in proposal ? [proposal.challenge] : [];
        const referrals = await loadReferralHistory((id) => tx.referrals.listForAmbassador(storeId, id), member, { challenges });
        const history = challengeHistory(member, await tx.orders.listForMember(storeId, member.id), [], context.tiers, referrals, context.now);
        if ("badge" in proposal) {
          if (proposal.badge.goal && milestoneProgress(proposal.badge.goal, history, context.now, context.timeZone).reached) counted.members++;
          continue;
        }
        const { challenge } = proposal;
        const standing = challengeStanding(challenge, history, context.now, context.timeZone);
        if (standing.reason === "draft" || standing.reason === "audience") continue;
        const payouts = payoutsOf(await tx.ledger.memberKeys(storeId, member.id, CHALLENGE_KEY_PREFIX), member.id);
        const due = unpaidKeys(standing.completedKeys, payouts.get(challenge.id)).length;
        if (due > 0) {
          counted.members++;
          counted.points += due * challenge.points;
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
