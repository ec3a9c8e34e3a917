import type { ProgramSettings } from "../settings/program-settings.js";

/** The highest tier whose threshold the lifetime spend reaches, and the one after it. */
export function tierStanding(tiers: ProgramSettings["tiers"], spendMinor: number) {
  const ordered = [...tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor);
  const reached = ordered.filter((tier) => spendMinor >= tier.thresholdMinor);
  const current = reached.at(-1) ?? null;
  const next = ordered.find((tier) => tier.thresholdMinor > spendMinor) ?? null;
  return {
    current: current ? { id: current.id, name: current.name } : null,
    next: next ? { id: next.id, name: next.name, thresholdMinor: next.thresholdMinor } : null,
    spendMinor,
  };
}
