import type { TierPreview } from "../api.js";
import type { Formatters } from "../format.js";
import type { Metric, Tier, TierRules } from "./tier-draft.js";

const WINDOWS: Record<TierRules["window"], string> = {
  lifetime: "over each member's lifetime",
  calendar_year: "in the calendar year (from 1 January)",
  rolling_12_months: "in the last 12 months",
};
export const WINDOW_CHOICES = Object.entries(WINDOWS) as [TierRules["window"], string][];

const plural = (n: number, one: string, other: string, fmt: Formatters) => `${fmt.count(n)} ${n === 1 ? one : other}`;
const graceWords = (days: number, fmt: Formatters) => `${plural(days, "day's", "days'", fmt)} grace`;

/** An amount in the ladder's metric: "$250" or "500 points". */
export const amountWords = (fmt: Formatters, metric: Metric, amount: number) => (metric === "spend" ? fmt.moneyShort(amount) : fmt.points(amount));

/** 150 → "1.5× points". */
export const multiplierWords = (percent: number) => `${percent / 100}× points`;

/** The rules in one line: "By money spent in the last 12 months; a member below their tier keeps it 14 days' grace first." */
export function rulesLine(rules: TierRules, fmt: Formatters): string {
  const by = `${rules.metric === "spend" ? "By money spent" : "By points earned"} ${WINDOWS[rules.window]}.`;
  const grace =
    rules.graceDays === 0
      ? "A member below their tier's keep amount leaves it at their next review."
      : `A member below their tier's keep amount has ${graceWords(rules.graceDays, fmt)} first.`;
  return `${by} ${grace}`;
}

/** A tier on the ladder: what enters and keeps it, what it gives, its group and how many hold it. */
export function tierLine(tier: Tier, metric: Metric, fmt: Formatters, extra: { groupName: string | null; members: number | null }): string {
  const parts = [tier.inviteOnly ? "Invitation only" : `From ${amountWords(fmt, metric, tier.threshold)}`];
  if (tier.keepThreshold !== null && !tier.inviteOnly) parts.push(`kept from ${amountWords(fmt, metric, tier.keepThreshold)}`);
  if (tier.multiplierPercent !== 100) parts.push(multiplierWords(tier.multiplierPercent));
  if (tier.birthdayPoints > 0) parts.push(`${fmt.points(tier.birthdayPoints)} on birthdays`);
  if (extra.groupName) parts.push(`group ${extra.groupName}`);
  if (extra.members !== null) parts.push(plural(extra.members, "member", "members", fmt));
  return parts.join(" · ");
}

/** A move's date is the member's next scheduled review; none, and only their next counted order reviews them. */
function moveWords(moves: TierPreview["up"], direction: "up" | "down", fmt: Formatters, suffix: string): string {
  const when = (date: string | null) => (date === null ? "at their next order" : `on ${fmt.calendarDay(date)}`);
  const head = `${plural(moves.count, "member moves", "members move", fmt)} ${direction}`;
  const [only] = moves.when;
  if (moves.when.length === 1 && only) return `${head} ${when(only.date)}${suffix}`;
  return `${head}${suffix}: ${moves.when.map((group) => `${fmt.count(group.count)} ${when(group.date)}`).join(", ")}`;
}

/** What a preview found, in one line: "3 members move up at their next order · 2 members move down on Mar 14, 2027 (after 14 days' grace)." */
export function previewWords(preview: TierPreview, graceDays: number, fmt: Formatters): string {
  const lines = [];
  if (preview.up.count > 0) lines.push(moveWords(preview.up, "up", fmt, ""));
  if (preview.down.count > 0) lines.push(moveWords(preview.down, "down", fmt, graceDays > 0 ? ` (after ${graceWords(graceDays, fmt)})` : ""));
  return lines.length ? `${lines.join(" · ")}.` : `Nothing moves: no member's tier would change (${plural(preview.members, "member", "members", fmt)} checked).`;
}
