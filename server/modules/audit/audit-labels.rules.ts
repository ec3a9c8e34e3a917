import { programChanges, type FieldChange, type ProgramPart, type Touched } from "../settings/program-diff.rules.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { AuditEntry } from "./audit-entry.js";

/** The member an entry is about, so the dashboard can link to them. */
export interface AuditMember {
  id: string;
  email: string | null;
}

/** An audit entry as the merchant reads it: a sentence, the member it is about, and for program edits the changed fields. */
export type AuditView = AuditEntry & { label: string; member: AuditMember | null };

const PART_NOUNS: Record<ProgramPart, string> = {
  challenges: "Challenge",
  badges: "Badge",
  tiers: "Tier",
  tierRules: "Tier rules",
  memberships: "Paid memberships",
  rewards: "Reward",
  earning: "Earning rule",
  theme: "Widget look",
  texts: "Widget texts",
  redemption: "Redemption policy",
  expiry: "Points expiry",
  emails: "Email choices",
  leaderboard: "Leaderboard",
  referrals: "Referral program",
  holdout: "Holdout",
};
const LIST_NOUNS: Partial<Record<ProgramPart, string>> = { challenges: "Challenges", badges: "Badges", tiers: "Tiers", rewards: "Rewards" };
const MOST_NAMED = 3;

/** Entries about a member name them as their subject (member ids start `mem_`). */
export const memberIdOf = (entry: AuditEntry): string | null => (entry.subject.startsWith("mem_") ? entry.subject : null);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const signed = (points: number) => `${points > 0 ? "+" : ""}${points}`;

function touchedLabel(touched: Touched): string {
  if ("id" in touched) return `${PART_NOUNS[touched.part]} '${touched.name}' ${touched.change}`;
  // A list touched as a whole is a list whose items traded places.
  return LIST_NOUNS[touched.part] ? `${LIST_NOUNS[touched.part]} reordered` : `${PART_NOUNS[touched.part]} changed`;
}

function programLabel(touched: Touched[]): string {
  const [only] = touched;
  if (touched.length === 1 && only) return touchedLabel(only);
  if (touched.length === 0) return "Program saved";
  const named = touched.slice(0, MOST_NAMED).map(touchedLabel);
  const more = touched.length - named.length;
  return `Program changed: ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** A changed field with where it is in the merchant's words: "Challenge 'First steps' › points", "Widget look › primary color". */
export type DescribedChange = FieldChange & { where: string };

const fieldWords = (path: readonly unknown[]) =>
  path.map((step) =>
    String(step)
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase(),
  );

function described(change: FieldChange, touched: Touched[]): DescribedChange {
  const [part, id, ...rest] = change.path as [ProgramPart, unknown, ...unknown[]];
  const item = LIST_NOUNS[part] && typeof id === "string" ? touched.find((one) => "id" in one && one.part === part && one.id === id) : undefined;
  const where = item && "name" in item ? [`${PART_NOUNS[part]} '${item.name}'`, ...fieldWords(rest)] : [PART_NOUNS[part] ?? String(part), ...fieldWords(change.path.slice(1))];
  return { ...change, where: where.join(" › ") };
}

/**
 * A program edit's changed fields and what they touched. Entries written before edits were recorded as
 * diffs hold the whole program before and after; their diff is worked out here.
 */
function programDetails(details: Record<string, unknown>): { changes: DescribedChange[]; touched: Touched[] } {
  const { changes, touched } =
    Array.isArray(details.changes) && Array.isArray(details.touched)
      ? { changes: details.changes as FieldChange[], touched: details.touched as Touched[] }
      : isRecord(details.before) && isRecord(details.after)
        ? programChanges(details.before as ProgramSettings, details.after as ProgramSettings)
        : { changes: [], touched: [] };
  return { changes: changes.map((change) => described(change, touched)), touched };
}

const REFERRAL_REASON_WORDS: Record<string, string> = {
  self_referral: "a self-referral",
  repeat_friend: "a friend referred before",
  existing_customer: "an existing customer",
  refunded: "the order was refunded",
  under_minimum: "under the minimum order",
  cap_reached: "the monthly cap is reached",
  blocked_ambassador: "the ambassador is blocked",
  held_out_ambassador: "the ambassador was left out of the program by the holdout",
  merchant_rejected: "rejected by you",
  program_off: "the program is off",
};

/** A referral's move in words: "Referral of lena@example.com by maya@example.com paid (500 points)". */
function referralLabel(status: string, details: Record<string, unknown>, who: string): string {
  const friend = typeof details.friendEmail === "string" ? details.friendEmail : `order ${String(details.orderId)}`;
  const of = `Referral of ${friend} by ${who}`;
  const why = REFERRAL_REASON_WORDS[String(details.reason)] ?? String(details.reason);
  switch (status) {
    case "checking":
      return `${of} recorded, being checked`;
    case "held":
      return `${of} held until its holding period ends`;
    case "review":
      return `${of} waits for your review`;
    case "paid":
      return `${of} paid${Number(details.points) > 0 ? ` (${signed(Number(details.points))} points)` : ""}`;
    case "rejected":
      return `${of} rejected: ${why}${typeof details.note === "string" ? ` (${details.note})` : ""}`;
    case "cancelled":
      return `${of} cancelled: ${why}`;
    default:
      return `${of} reversed: ${why}`;
  }
}

/** The entry in words: "Challenge 'Spring' changed", "Points adjusted by +50 for ana@example.com". */
export function presentAuditEntry(entry: AuditEntry, member: AuditMember | null): AuditView {
  const details = entry.details;
  const who = member?.email ?? `member ${memberIdOf(entry) ?? entry.subject}`;
  switch (entry.action) {
    case "points.adjusted":
      return { ...entry, member, label: `Points adjusted by ${signed(Number(details.points))} for ${who}` };
    case "points.clawback_shortfall":
      return { ...entry, member, label: `Clawback shortfall of ${Number(details.shortfall)} points for ${who}` };
    case "experience.fulfilled":
      return { ...entry, member, label: `Experience '${String(details.rewardName)}' fulfilled for ${who}` };
    case "donation.paid_out":
      return { ...entry, member, label: `Donation '${String(details.rewardName)}' paid out, pledged by ${who}` };
    case "donations.paid_out":
      return { ...entry, member, label: `${Number(details.count)} ${details.count === 1 ? "pledge" : "pledges"} to '${String(details.rewardName)}' paid out` };
    case "proof.approved":
      return {
        ...entry,
        member,
        label: `Proof for '${String(details.challengeTitle)}' approved for ${who}${Number(details.points) > 0 ? ` (${signed(Number(details.points))} points)` : ""}`,
      };
    case "proof.rejected":
      return { ...entry, member, label: `Proof for '${String(details.challengeTitle)}' rejected for ${who}: ${String(details.reason)}` };
    case "referral.checking":
    case "referral.held":
    case "referral.review":
    case "referral.paid":
    case "referral.rejected":
    case "referral.cancelled":
    case "referral.reversed":
      return { ...entry, member, label: referralLabel(entry.action.slice("referral.".length), details, who) };
    case "ambassador.blocked":
      return { ...entry, member, label: `Ambassador ${who} blocked: ${String(details.reason)}` };
    case "ambassador.unblocked":
      return { ...entry, member, label: `Ambassador ${who} unblocked` };
    case "api_key.created":
      return { ...entry, member, label: `API key '${String(details.name)}' made (${String(details.scope)})` };
    case "api_key.revoked":
      return { ...entry, member, label: details.name === undefined ? "API key revoked on uninstall" : `API key '${String(details.name)}' revoked` };
    case "settings.updated": {
      const program = programDetails(details);
      return { ...entry, details: program, member, label: programLabel(program.touched) };
    }
    default:
      return { ...entry, member, label: entry.action };
  }
}
