import type { ProgramSettings } from "../settings/program-settings.js";

/** The highest tier whose threshold the lifetime spend reaches, and the one after it. */
export function tierStanding(tiers: ProgramSettings["tiers"], spendMinor: number) {
  const ordered = [...tiers].sort((a, b) => a.threshold - b.threshold);
  const reached = ordered.filter((tier) => spendMinor >= tier.threshold);
  const current = reached.at(-1) ?? null;
  const next = ordered.find((tier) => tier.threshold > spendMinor) ?? null;
  return {
    current: current ? { id: current.id, name: current.name } : null,
    next: next ? { id: next.id, name: next.name, threshold: next.threshold } : null,
    spendMinor,
  };
}
