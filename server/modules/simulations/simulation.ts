import { z } from "zod";
import { earningRuleSchema, rewardSchema, tierSchema } from "../settings/program-settings.js";
import { tierRulesSchema } from "../tiers/tier-schema.js";
import type { ReadySnapshot } from "./order-snapshot.js";
import type { IssuedPoints } from "./order-replay.js";
import type { PointValue } from "./point-value.rules.js";

/**
 * `POST /api/admin/simulations`: the parts of the program document the merchant is editing, as they would save them
 * (any left out are the saved ones). The whole document they make must be valid.
 */
export const simulationRequestSchema = z.strictObject({
  earning: earningRuleSchema.optional(),
  tiers: z.array(tierSchema).max(10).optional(),
  tierRules: tierRulesSchema.optional(),
  rewards: z.array(rewardSchema).max(30).optional(),
});
export type SimulationRequest = z.infer<typeof simulationRequestSchema>;

/** One program's figures over the snapshot's orders; money in minor units of the store currency. */
export interface SimulationFigures extends IssuedPoints {
  /** Points per order that earned any, rounded down. */
  pointsPerOrder: number;
  /** The points at the value of a point (null: the catalog gives none). */
  costMinor: number | null;
  pointValue: PointValue | null;
}

/** The proposed program beside the current one on the same orders, and beside what the ledger recorded for them. */
export interface Simulation {
  snapshot: Omit<ReadySnapshot, "generation">;
  proposed: SimulationFigures;
  current: SimulationFigures;
  /** As the ledger holds it for these orders; its cost at the current program's value of a point. */
  recorded: SimulationFigures;
}
