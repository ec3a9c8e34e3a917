import type { ProgramSettings } from "../settings/program-settings.js";
import { heldTier } from "./held-tier.rules.js";
import type { MemberTier } from "./member-tier.js";

type Tier = ProgramSettings["tiers"][number];

/** Ecwid's group for customers in no group (CONTRACT §4.7). */
export const GENERAL_GROUP = 0;

/** The group a member belongs in at `now`: the one their held tier links to, else General. */
export function targetGroup(tiers: Tier[], state: MemberTier | null, now: Date): number {
  return heldTier(tiers, state, now)?.customerGroupId ?? GENERAL_GROUP;
}

/** Every group some tier links to. */
export const linkedGroups = (tiers: Tier[]): Set<number> => new Set(tiers.flatMap((tier) => (tier.customerGroupId === null ? [] : [tier.customerGroupId])));

/**
 * Whether a member needs a move queued: their group as last recorded is not where their tier puts them, or was
 * never settled. A guest is looked at again once they have an Ecwid account; a member left in the merchant's own
 * group, when a tier would put them in a group (the merchant may have freed them since).
 */
export function moveDue(member: { customerId: number | null; tier: MemberTier | null }, target: number): boolean {
  const group = member.tier?.group ?? null;
  if (!group) return target !== GENERAL_GROUP;
  if (group.state === "synced") return group.ecwidGroupId !== target;
  if (group.state === "guest") return member.customerId !== null;
  if (group.state === "foreign") return target !== GENERAL_GROUP;
  return true;
}

/**
 * What to do with a customer now in Ecwid group `current`: they are Questline's to move only from General, from a
 * group some tier links to, or from the group Questline itself last put them in (a tier since unlinked from it).
 * Any other group is the merchant's choice ("Wholesale"): left alone.
 */
export function groupMove(current: number, target: number, linked: Set<number>, lastSet: number | null): "stay" | "move" | "foreign" {
  if (current === target) return "stay";
  if (current === GENERAL_GROUP || linked.has(current) || current === lastSet) return "move";
  return "foreign";
}
