import { z } from "zod";

/** The merchant's earning rule: `points` for every `perAmountMinor` minor units spent, rounded down. No floats. */
export const earningRuleSchema = z.object({
  points: z.number().int().min(0).max(10_000),
  perAmountMinor: z.number().int().min(1).max(100_000_000),
  minOrderMinor: z.number().int().min(0).max(100_000_000_000),
  /** Ecwid payment statuses that earn. PARTIALLY_REFUNDED earns on what is left whenever PAID counts. */
  countedStatuses: z.array(z.string().regex(/^[A-Z0-9_]+$/)).min(1).max(10),
});
export type EarningRule = z.infer<typeof earningRuleSchema>;

export const programSettingsSchema = z.object({ earning: earningRuleSchema });
export type ProgramSettings = z.infer<typeof programSettingsSchema>;

/** One point per one unit of the store currency on paid orders. */
export function defaultProgramSettings(currencyPrecision: number): ProgramSettings {
  return { earning: { points: 1, perAmountMinor: 10 ** currencyPrecision, minOrderMinor: 0, countedStatuses: ["PAID"] } };
}

export interface SettingsRepository {
  get(storeId: number): Promise<ProgramSettings | null>;
  save(storeId: number, settings: ProgramSettings): Promise<void>;
}
