import { z } from "zod";

/**
 * A member's tiers, kept on the member (so `/me`, earning and group moves read it with the member). A member can
 * hold up to three at once: the one their spend or points earned, one bought as a paid membership, one the merchant
 * assigned (invitation-only); they enjoy the best of them (`heldTier`).
 */
export const memberTierSchema = z.object({
  earned: z.object({
    /** The earned tier as last reviewed; null: none yet. */
    tierId: z.string().nullable(),
    /** When it was reached (or kept at its last review). */
    since: z.string().nullable(),
    /** Below the keep threshold: the tier is lost at this instant unless it is met again by then. */
    graceEndsAt: z.string().nullable(),
    /** The next instant the tier must be reviewed even without an order (a window's drop-off, a year's end, a grace's end). */
    reviewAt: z.string().nullable(),
    reviewedAt: z.string(),
  }),
  /**
   * The best tier bought as a paid membership still running, held until `until`; the grants of every pass still
   * running (a better pass bought over another does not end it), each paid order with its months.
   */
  paid: z
    .object({
      tierId: z.string(),
      membershipId: z.string(),
      until: z.string(),
      /** Each grant names its pass and tier (saved before passes could run side by side: the paid tier's own). */
      grants: z
        .array(z.object({ orderId: z.string(), months: z.number().int().positive(), at: z.string(), membershipId: z.string().optional(), tierId: z.string().optional() }))
        .max(100),
    })
    .nullable(),
  /** An invitation-only tier the merchant assigned. */
  assigned: z.object({ tierId: z.string(), by: z.string(), at: z.string() }).nullable(),
  /**
   * The member's Ecwid customer group as Questline last saw or set it: `synced` in the group their tier links to
   * (or General); `pending` a move waits; `foreign` the merchant put them in an unlinked group (left alone);
   * `guest` no Ecwid customer account; `unavailable` the plan has no customer groups.
   */
  group: z
    .object({
      ecwidGroupId: z.number().int().nonnegative().nullable(),
      state: z.enum(["synced", "pending", "foreign", "guest", "unavailable"]),
      syncedAt: z.string().nullable(),
    })
    .nullable(),
});
export type MemberTier = z.infer<typeof memberTierSchema>;

/** A member's tier state before anything was reviewed, bought or assigned. */
export const noTiers = (reviewedAt: string): MemberTier => ({
  earned: { tierId: null, since: null, graceEndsAt: null, reviewAt: null, reviewedAt },
  paid: null,
  assigned: null,
  group: null,
});

/** The tiers a member's state holds at `now`: a paid tier only until it runs out. */
export const tiersHeldAt = (state: MemberTier | null, now: Date): { earned: string | null; paid: string | null; assigned: string | null } => ({
  earned: state?.earned.tierId ?? null,
  paid: state?.paid && Date.parse(state.paid.until) > now.getTime() ? state.paid.tierId : null,
  assigned: state?.assigned?.tierId ?? null,
});
