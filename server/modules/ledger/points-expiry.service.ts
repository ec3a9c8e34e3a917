import type { Clock } from "../../lib/clock.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { LedgerEntry } from "./ledger-entry.js";
import { dueExpiries, nextExpiry, type DueExpiry, type ExpiryRule } from "./points-expiry.rules.js";
import { post } from "./posting.js";

type Tables = "members" | "ledger" | "redemptions" | "webhooks";
type Reader = Pick<StoreTransaction, Tables>;

const LEDGER_PAGE = 500;

/** A member whose next expiry falls within the store's warning days. */
export interface ExpiryWarning {
  member: Member;
  points: number;
  /** When the points lapse (ISO). */
  at: string;
}

export interface ExpiryRun {
  /** Members looked at (all, not only those with points). */
  scanned: number;
  /** Expire entries booked, and their points. */
  entries: number;
  points: number;
  /** Warnings `warn` said it sent, and those that failed (tried again next run). */
  warned: number;
  warnFailed: number;
}

/** Sends a member the warning of points expiring at `warning.at`; resolves to whether it sent (the emails' `expiringSoon`). */
export type Warn = (storeId: number, memberId: string, warning: { points: number; at: string }) => Promise<boolean>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** After `now` (an overdue lapse is the job's, not a warning's) and within the warning days. */
const warnable = (at: string, now: Date, warnDays: number) => Date.parse(at) > now.getTime() && Date.parse(at) <= now.getTime() + warnDays * DAY_MS;

/** Every entry of the member, oldest first: expiry replays the whole history. */
async function allEntries(tx: Reader, storeId: number, memberId: string): Promise<LedgerEntry[]> {
  const newestFirst: LedgerEntry[] = [];
  for (let offset = 0; ; offset += LEDGER_PAGE) {
    const page = await tx.ledger.listForMember(storeId, memberId, { limit: LEDGER_PAGE, offset });
    newestFirst.push(...page.items);
    if (page.items.length < LEDGER_PAGE || newestFirst.length >= page.total) return newestFirst.reverse();
  }
}

const monthsWords = (months: number) => `${months} month${months === 1 ? "" : "s"}`;
const noteOf = (due: DueExpiry, rule: ExpiryRule) =>
  due.rule === "per_lot"
    ? `Points earned on ${due.earnedAt.slice(0, 10)} expired after ${monthsWords(rule.months)}`
    : `Points expired after ${monthsWords(rule.months)} without earning (last earned ${due.earnedAt.slice(0, 10)})`;

async function sendWarnings(warn: Warn, storeId: number, warnings: ExpiryWarning[], run: ExpiryRun): Promise<void> {
  for (const { member, points, at } of warnings) {
    const sent = await warn(storeId, member.id, { points, at }).then(Boolean, () => null);
    if (sent === null) run.warnFailed += 1;
    else if (sent) run.warned += 1;
  }
}

/**
 * Points expiry (issue #10 item 7): books lapsed points as `expire` entries and says what lapses next.
 * The rules replay a member's whole ledger, so a run reads at most `membersPerRun` members of a store
 * and the next run goes on from there (a cursor per store in this process; after a restart it starts
 * over, which books nothing twice). Reading a member's whole ledger is acceptable while ledgers are
 * short; a stored "next expiry" per member would spare the reads.
 */
export class PointsExpiryService {
  readonly #cursor = new Map<number, number>();

  constructor(
    private readonly deps: {
      storage: UnitOfWork<Tables>;
      settings: { get(storeId: number): Promise<ProgramSettings> };
      clock: Clock;
      membersPerRun?: number;
      pageSize?: number;
    },
  ) {}

  get #pageSize() {
    return this.deps.pageSize ?? 200;
  }

  /**
   * Books the expiries due by `now` for the next members of the store, and hands `warn` each member whose
   * next expiry falls within the warning days and who was not yet warned of it (`expiryWarnedFor`). Looks
   * in a read, then books in the store's transaction from the books as they are then; the key of each lapse
   * makes a second booking, by this process or another sharing PostgreSQL, a no-op. A failed warning is
   * counted, not thrown: the next run tries again.
   */
  async expireStore(storeId: number, now = this.deps.clock.now(), warn?: Warn): Promise<ExpiryRun> {
    const { expiry } = await this.deps.settings.get(storeId);
    const run: ExpiryRun = { scanned: 0, entries: 0, points: 0, warned: 0, warnFailed: 0 };
    if (expiry.mode === "off") return run;
    const budget = this.deps.membersPerRun ?? 2_000;
    let offset = this.#cursor.get(storeId) ?? 0;
    while (run.scanned < budget) {
      const limit = Math.min(this.#pageSize, budget - run.scanned);
      const { members, due, warnings } = await this.deps.storage.read(storeId, async (tx) => {
        const page = await tx.members.list(storeId, { limit, offset });
        const due: string[] = [];
        const warnings: ExpiryWarning[] = [];
        for (const member of page.items) {
          if (member.balance <= 0) continue;
          const look = await this.#look(tx, storeId, member.id, expiry, now);
          if (look.due.length > 0) due.push(member.id);
          if (look.upcoming && warnable(look.upcoming.at, now, expiry.warnDays) && member.expiryWarnedFor !== look.upcoming.at) warnings.push({ member, ...look.upcoming });
        }
        return { members: page.items.length, due, warnings };
      });
      if (due.length > 0) await this.#book(storeId, due, expiry, now, run);
      if (warn) await sendWarnings(warn, storeId, warnings, run);
      run.scanned += members;
      offset = members < limit ? 0 : offset + members;
      if (members < limit) break;
    }
    this.#cursor.set(storeId, offset);
    return run;
  }

  /** Members of the page whose next expiry is after `now` and within the store's `warnDays`; `next` is the offset to read on from, null at the end. */
  async membersToWarn(storeId: number, now: Date, page: { offset: number; limit: number } = { offset: 0, limit: 500 }): Promise<{ items: ExpiryWarning[]; next: number | null }> {
    const { expiry } = await this.deps.settings.get(storeId);
    if (expiry.mode === "off") return { items: [], next: null };
    return this.deps.storage.read(storeId, async (tx) => {
      const members = await tx.members.list(storeId, page);
      const items: ExpiryWarning[] = [];
      for (const member of members.items) {
        if (member.balance <= 0) continue;
        const { upcoming } = await this.#look(tx, storeId, member.id, expiry, now);
        if (upcoming && warnable(upcoming.at, now, expiry.warnDays)) items.push({ member, ...upcoming });
      }
      return { items, next: page.offset + members.items.length < members.total ? page.offset + members.items.length : null };
    });
  }

  /** What lapses next for one member (`GET /me`'s `expiring`), null when nothing will or expiry is off. */
  async expiringFor(storeId: number, memberId: string, rule: ExpiryRule, now: Date): Promise<{ points: number; at: string } | null> {
    if (rule.mode === "off") return null;
    return this.deps.storage.read(storeId, async (tx) => (await this.#look(tx, storeId, memberId, rule, now)).next);
  }

  /** One read of the member's ledger and holds: what is due now and what lapses next. */
  async #look(tx: Reader, storeId: number, memberId: string, rule: ExpiryRule, now: Date) {
    const [entries, held] = [await allEntries(tx, storeId, memberId), await tx.redemptions.heldPoints(storeId, memberId)];
    return { due: dueExpiries(entries, rule, now, held), next: nextExpiry(entries, rule, now, held), upcoming: nextExpiry(entries, rule, now, held, { upcomingOnly: true }) };
  }

  async #book(storeId: number, memberIds: string[], rule: ExpiryRule, now: Date, run: ExpiryRun): Promise<void> {
    await this.deps.storage.transaction(storeId, async (tx) => {
      for (const memberId of memberIds) {
        for (const due of (await this.#look(tx, storeId, memberId, rule, now)).due) {
          const posting = {
            kind: "expire" as const,
            source: { type: "expiry" as const, id: due.key },
            basis: { rule: due.rule, months: rule.months, earnedAt: due.earnedAt },
            memberId,
            delta: -due.points,
            idempotencyKey: due.key,
            actor: "system",
            note: noteOf(due, rule),
          };
          if ((await post(tx, storeId, posting, now)).created) {
            run.entries += 1;
            run.points += due.points;
          }
        }
      }
    });
  }
}
