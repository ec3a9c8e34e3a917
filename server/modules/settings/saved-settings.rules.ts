import { upgradeLegacyReward } from "../rewards/reward-schema.js";
import { defaultProgramSettings, programSettingsSchema, type ProgramSettings } from "./program-settings.js";
import { readableTheme } from "./theme-contrast.rules.js";

/**
 * Saved settings as the current schema reads them (defaults of fields added since filled in, e.g. a challenge's
 * repeat and window; rewards saved before kinds read as their kind in minor units of the store's currency); as
 * saved if it cannot; the defaults when nothing was saved. Every reader that acts on the program reads through this.
 */
export function readSavedSettings(saved: ProgramSettings | null, currencyPrecision: number): ProgramSettings {
  if (!saved) return defaultProgramSettings(currencyPrecision);
  const upgraded = { ...saved, rewards: (saved.rewards ?? []).map((reward) => upgradeLegacyReward(reward, currencyPrecision)) };
  const parsed = programSettingsSchema.safeParse(saved.theme ? { ...upgraded, theme: readableTheme(saved.theme) } : upgraded);
  return parsed.success ? parsed.data : saved;
}
