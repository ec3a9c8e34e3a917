import type { ProgramSettings } from "../settings/program-settings.js";
import type { LedgerEntry } from "./ledger-entry.js";

/** The merchant's expiry rule, as the program's `expiry` part holds it. */
export type ExpiryRule = Pick<ProgramSettings["expiry"], "mode" | "months">;
export type ExpiryEntry = Pick<LedgerEntry, "memberId" | "delta" | "kind" | "source" | "basis" | "createdAt">;

/** Points that lapsed and are not yet booked: post them as one `expire` entry under `key`. */
export interface DueExpiry {
  points: number;
  rule: "inactivity" | "per_lot";
  /** The lot's earning (per lot), or the last earning before the lapse (inactivity): the basis's `earnedAt`. */
  earnedAt: string;
  /** The instant the points lapsed. */
  at: string;
  /** Stable for this lapse: a second run, in this process or another, posts nothing new. */
  key: string;
}

/**
 * Activity that keeps points alive under the inactivity rule: points earned on orders, tasks and referrals,
 * and a merchant's positive adjustment (the merchant chose to give points, which is as much a sign of life
 * as an order). A coupon's points given back (`redeem_refund`) are not: the shopper did nothing.
 */
const EARNING_KINDS = new Set<string>(["earn_order", "earn_task", "earn_referral"]);
const isEarning = (entry: ExpiryEntry) => EARNING_KINDS.has(entry.kind) || (entry.kind === "adjust" && entry.delta > 0);

/** `months` calendar months after `at` (UTC), the day kept or, past the month's end, its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(at.getUTCDate(), lastDay), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()));
}

/** Points that came in together: what is left of them, and, once lapsed, the lapse they belong to. */
interface Lot {
  earnedAt: string;
  orderId: string | null;
  remaining: number;
  /** Per lot: when it lapses (ms), worked out once. */
  lapsesAt: number;
  /** The lapse's `earnedAt` (the lot's own, or the period's last earning), null while alive. */
  lapse: string | null;
  lapsedAt: string | null;
}

interface Books {
  memberId: string;
  /** In the order they were earned; those from `unlapsed` on have not lapsed, those before `fifo` are spent. */
  lots: Lot[];
  unlapsed: number;
  fifo: number;
  balance: number;
  /** The last earning and when the balance lapses without another (inactivity). */
  lastEarn: { at: string; lapsesAt: Date } | null;
  /** Expire entries already booked per lapse (`rule|earnedAt`), for the next key. */
  booked: Map<string, number>;
}

const lapseInstant = (earnedAt: string, rule: ExpiryRule) => addMonths(new Date(earnedAt), rule.months);

/** Marks the lots whose lapse came by `time`. Under inactivity every live lot lapses with the period, refunds added later too. */
function lapseUpTo(books: Books, rule: ExpiryRule, time: number): void {
  const { lots, lastEarn } = books;
  if (rule.mode === "inactivity") {
    if (lastEarn === null || lastEarn.lapsesAt.getTime() > time) return;
    const lapsedAt = lastEarn.lapsesAt.toISOString();
    for (; books.unlapsed < lots.length; books.unlapsed += 1) Object.assign(lots[books.unlapsed]!, { lapse: lastEarn.at, lapsedAt });
    return;
  }
  for (; books.unlapsed < lots.length && lots[books.unlapsed]!.lapsesAt <= time; books.unlapsed += 1) {
    const lot = lots[books.unlapsed]!;
    Object.assign(lot, { lapse: lot.earnedAt, lapsedAt: new Date(lot.lapsesAt).toISOString() });
  }
}

/**
 * Which lots a spend takes from, those with a special claim first: a reversal its own order's lots (newest
 * first), then the newest lots; a booked expiry its own lapse first. Every other spend goes oldest first
 * (FIFO), as does what is left after the claim.
 */
function claimed(books: Books, entry: ExpiryEntry, rule: ExpiryRule): Lot[] {
  const live = () => books.lots.slice(books.fifo).filter((lot) => lot.remaining > 0);
  if (entry.kind === "reverse" && entry.source.type === "order") {
    const newest = live().reverse();
    return [...newest.filter((lot) => lot.orderId === entry.source.id), ...newest.filter((lot) => lot.orderId !== entry.source.id)];
  }
  const earnedAt = entry.kind === "expire" && entry.basis?.rule === rule.mode ? entry.basis.earnedAt : undefined;
  if (typeof earnedAt !== "string") return [];
  return live().filter((lot) => (rule.mode === "per_lot" ? lot.earnedAt === earnedAt : lot.lapse === earnedAt));
}

function spend(books: Books, entry: ExpiryEntry, rule: ExpiryRule): void {
  let owed = -entry.delta;
  const take = (lot: Lot) => {
    const taken = Math.min(lot.remaining, owed);
    lot.remaining -= taken;
    owed -= taken;
  };
  for (const lot of claimed(books, entry, rule)) if (owed > 0) take(lot);
  for (let at = books.fifo; at < books.lots.length && owed > 0; at += 1) take(books.lots[at]!);
  while (books.fifo < books.lots.length && books.lots[books.fifo]!.remaining === 0) books.fifo += 1;
}

/** The member's books replayed up to `now`: the lots left, which have lapsed, and what is already booked. */
function replay(entries: ExpiryEntry[], rule: ExpiryRule, now: Date): Books {
  const books: Books = { memberId: entries[0]?.memberId ?? "", lots: [], unlapsed: 0, fifo: 0, balance: 0, lastEarn: null, booked: new Map() };
  for (const entry of entries) {
    lapseUpTo(books, rule, Date.parse(entry.createdAt));
    books.balance += entry.delta;
    if (entry.kind === "expire" && typeof entry.basis?.earnedAt === "string") {
      const lapse = `${String(entry.basis.rule)}|${entry.basis.earnedAt}`;
      books.booked.set(lapse, (books.booked.get(lapse) ?? 0) + 1);
    }
    if (entry.delta > 0) {
      const lapsesAt = rule.mode === "per_lot" ? lapseInstant(entry.createdAt, rule).getTime() : Number.NaN;
      books.lots.push({
        earnedAt: entry.createdAt,
        orderId: entry.source.type === "order" ? entry.source.id : null,
        remaining: entry.delta,
        lapsesAt,
        lapse: null,
        lapsedAt: null,
      });
      if (isEarning(entry)) books.lastEarn = { at: entry.createdAt, lapsesAt: lapseInstant(entry.createdAt, rule) };
      continue;
    }
    if (entry.delta < 0) spend(books, entry, rule);
  }
  lapseUpTo(books, rule, now.getTime());
  return books;
}

/** What lapsed and is left, one per lapse, oldest first (before the cap). */
function lapsed(books: Books, rule: "inactivity" | "per_lot"): Omit<DueExpiry, "key">[] {
  const byLapse = new Map<string, Omit<DueExpiry, "key">>();
  for (const lot of books.lots) {
    if (lot.lapse === null || lot.remaining === 0) continue;
    const found = byLapse.get(lot.lapse) ?? { points: 0, rule, earnedAt: lot.lapse, at: lot.lapsedAt! };
    found.points += lot.remaining;
    byLapse.set(lot.lapse, found);
  }
  return [...byLapse.values()];
}

/** Takes from `spendable` in order; leaves out what it cannot pay. */
function capped<T extends { points: number }>(items: T[], spendable: number): T[] {
  let left = Math.max(0, spendable);
  const out: T[] = [];
  for (const item of items) {
    const points = Math.min(item.points, left);
    left -= points;
    if (points > 0) out.push({ ...item, points });
  }
  return out;
}

/**
 * The expiries due by `now` for one member's entries (oldest first, all of them), never more than the
 * balance less the points held by pending redemptions. Under `inactivity` the whole balance lapses
 * `months` calendar months after the last earning, unless an earning came strictly before that instant;
 * under `per_lot` each earning lapses `months` after it was earned, spends having taken the oldest first.
 * Points a spend took before the job booked their lapse are gone with the spend, not expired twice.
 */
export function dueExpiries(entries: ExpiryEntry[], rule: ExpiryRule, now: Date, heldPoints = 0): DueExpiry[] {
  if (rule.mode === "off" || entries.length === 0) return [];
  const mode = rule.mode;
  const books = replay(entries, rule, now);
  return capped(lapsed(books, mode), books.balance - heldPoints).map((due) => ({
    ...due,
    key: `expire:${books.memberId}:${mode}:${due.earnedAt}:${books.booked.get(`${mode}|${due.earnedAt}`) ?? 0}`,
  }));
}

/**
 * The next points to lapse and when, as `GET /me` shows them: a lapse not yet booked shows as now. With
 * `upcomingOnly` (the warnings), the first lapse still to come, after those not yet booked are taken.
 */
export function nextExpiry(entries: ExpiryEntry[], rule: ExpiryRule, now: Date, heldPoints = 0, options: { upcomingOnly?: boolean } = {}): { points: number; at: string } | null {
  if (rule.mode === "off" || entries.length === 0) return null;
  const books = replay(entries, rule, now);
  const overdue = lapsed(books, rule.mode).map((due) => ({ points: due.points, at: now.toISOString() }));
  const alive = books.lots.slice(books.unlapsed).filter((lot) => lot.remaining > 0);
  const upcoming: { points: number; at: string }[] = [];
  if (rule.mode === "inactivity") {
    const points = alive.reduce((sum, lot) => sum + lot.remaining, 0);
    if (books.lastEarn !== null && points > 0) upcoming.push({ points, at: books.lastEarn.lapsesAt.toISOString() });
  } else {
    for (const lot of alive) {
      const at = new Date(lot.lapsesAt).toISOString();
      const last = upcoming.at(-1);
      if (last?.at === at) last.points += lot.remaining;
      else upcoming.push({ points: lot.remaining, at });
    }
  }
  // The overdue ones still take their share of the balance first: the job books them before the upcoming lapse.
  const next = capped([...overdue, ...upcoming], books.balance - heldPoints);
  return (options.upcomingOnly ? next.filter((item) => Date.parse(item.at) > now.getTime()) : next)[0] ?? null;
}
