import type { Clock } from "../../lib/clock.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { LedgerEntry } from "./ledger-entry.js";
import { dueExpiries, nextExpiry, type DueExpiry, type ExpiryRule } from "./points-expiry.rules.js";
import { post } from "./posting.js";

type Tables = "members" | "ledger" | "redemptions";
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
}

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
   * Books the expiries due by `now` for the next members of the store. Looks in a read, then books in the
   * store's transaction from the books as they are then; the key of each lapse makes a second booking,
   * by this process or another sharing PostgreSQL, a no-op.
   */
  async expireStore(storeId: number, now = this.deps.clock.now()): Promise<ExpiryRun> {
    const rule = (await this.deps.settings.get(storeId)).expiry;
    const run: ExpiryRun = { scanned: 0, entries: 0, points: 0 };
    if (rule.mode === "off") return run;
    const budget = this.deps.membersPerRun ?? 2_000;
    let offset = this.#cursor.get(storeId) ?? 0;
    while (run.scanned < budget) {
      const limit = Math.min(this.#pageSize, budget - run.scanned);
      const { members, due } = await this.deps.storage.read(storeId, async (tx) => {
        const page = await tx.members.list(storeId, { limit, offset });
        const due: string[] = [];
        for (const member of page.items) if (member.balance > 0 && (await this.#due(tx, storeId, member.id, rule, now)).length > 0) due.push(member.id);
        return { members: page.items.length, due };
      });
      if (due.length > 0) await this.#book(storeId, due, rule, now, run);
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
    const until = now.getTime() + expiry.warnDays * 24 * 60 * 60 * 1000;
    return this.deps.storage.read(storeId, async (tx) => {
      const members = await tx.members.list(storeId, page);
      const items: ExpiryWarning[] = [];
      for (const member of members.items) {
        if (member.balance <= 0) continue;
        const next = await this.#next(tx, storeId, member.id, expiry, now);
        const at = next ? Date.parse(next.at) : Number.NaN;
        if (next && at > now.getTime() && at <= until) items.push({ member, ...next });
      }
      return { items, next: page.offset + members.items.length < members.total ? page.offset + members.items.length : null };
    });
  }

  /** What lapses next for one member (`GET /me`'s `expiring`), null when nothing will or expiry is off. */
  async expiringFor(storeId: number, memberId: string, rule: ExpiryRule, now: Date): Promise<{ points: number; at: string } | null> {
    if (rule.mode === "off") return null;
    return this.deps.storage.read(storeId, (tx) => this.#next(tx, storeId, memberId, rule, now));
  }

  async #due(tx: Reader, storeId: number, memberId: string, rule: ExpiryRule, now: Date): Promise<DueExpiry[]> {
    const [entries, held] = [await allEntries(tx, storeId, memberId), await tx.redemptions.heldPoints(storeId, memberId)];
    return dueExpiries(entries, rule, now, held);
  }

  async #next(tx: Reader, storeId: number, memberId: string, rule: ExpiryRule, now: Date) {
    const [entries, held] = [await allEntries(tx, storeId, memberId), await tx.redemptions.heldPoints(storeId, memberId)];
    return nextExpiry(entries, rule, now, held);
  }

  async #book(storeId: number, memberIds: string[], rule: ExpiryRule, now: Date, run: ExpiryRun): Promise<void> {
    await this.deps.storage.transaction(storeId, async (tx) => {
      for (const memberId of memberIds) {
        for (const due of await this.#due(tx, storeId, memberId, rule, now)) {
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
