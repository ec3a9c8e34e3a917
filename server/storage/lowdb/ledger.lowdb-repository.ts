import { notFound } from "../../lib/errors.js";
import type { LedgerRepository, SourceSum, SourceTally } from "../../modules/ledger/ledger-entry.js";
import type { LedgerTable } from "./ledger-table.js";
import type { MemberTable } from "./members.lowdb-repository.js";
import { earnedBoard } from "./earned-board.js";
import { checkPage } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy, copyOrNull } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

/** The ledger inside one transaction: each append moves the member's cached balance in the same undo log, so both land or neither. */
export function createLedgerRepository(scope: TransactionScope, ledger: LedgerTable, members: MemberTable, undo: UndoRecorder): LedgerRepository {
  const memberOrThrow = (memberId: string) => {
    const member = members.get(memberId);
    if (!member) throw notFound(`member ${memberId} not found`);
    return member;
  };

  const repository: LedgerRepository = {
    async append(storeId, entry) {
      scope.checkRecord(storeId, "a ledger entry", entry.storeId);
      const existing = ledger.findByKey(entry.idempotencyKey);
      if (existing) return { entry: copy(existing), created: false, balance: members.get(existing.memberId)?.balance ?? 0 };
      if (!Number.isSafeInteger(entry.delta)) throw new Error(`ledger delta must be a whole number of points, got ${entry.delta}`);
      const member = memberOrThrow(entry.memberId);
      const stored = copy(entry);
      const balance = member.balance + stored.delta;
      ledger.append(stored, undo);
      members.replace({ ...member, balance }, undo);
      return { entry: copy(stored), created: true, balance };
    },
    async appendMany(storeId, entries) {
      const results = [];
      for (const entry of entries) results.push(await repository.append(storeId, entry));
      return results.map((result) => ({ ...result, balance: members.get(result.entry.memberId)?.balance ?? 0 }));
    },
    async findByKey(storeId, idempotencyKey) {
      scope.check(storeId);
      return copyOrNull(ledger.findByKey(idempotencyKey));
    },
    async existingKeys(storeId, keys) {
      scope.check(storeId);
      return keys.filter((key) => ledger.findByKey(key) !== undefined);
    },
    async listForMember(storeId, memberId, page) {
      scope.check(storeId);
      checkPage(page);
      const { total, items } = ledger.forMember(memberId)?.newestFirst(page) ?? { total: 0, items: [] };
      return { total, items: items.map(copy) };
    },
    async memberKeys(storeId, memberId, prefix) {
      scope.check(storeId);
      return (ledger.forMember(memberId)?.appendOrder() ?? []).map((entry) => entry.idempotencyKey).filter((key) => key.startsWith(prefix));
    },
    async tallyBySource(storeId, source, since) {
      scope.check(storeId);
      const from = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
      const tally: SourceTally = { kinds: {}, points: 0 };
      for (const entry of ledger.bySource(source)) {
        if (Date.parse(entry.createdAt) < from) continue;
        tally.kinds[entry.kind] = (tally.kinds[entry.kind] ?? 0) + 1;
        tally.points += entry.delta;
      }
      return tally;
    },
    async listBySource(storeId, source) {
      scope.check(storeId);
      return ledger.bySource(source).map(copy);
    },
    async sumsBySource(storeId, type, ids) {
      scope.check(storeId);
      const sums = new Map<string, SourceSum>();
      for (const id of ids) {
        const entries = ledger.bySource({ type, id });
        if (entries.length > 0) sums.set(id, { entries: entries.length, points: entries.reduce((sum, entry) => sum + entry.delta, 0) });
      }
      return sums;
    },
    async earnedBoard(storeId, query) {
      scope.check(storeId);
      checkPage({ limit: query.limit, offset: 0 });
      return earnedBoard(ledger.entries(), (memberId) => members.get(memberId), query);
    },
    async pageInAppendOrder(storeId, after, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: after });
      const rows = ledger.entries();
      const items = rows.slice(after, after + limit).map(copy);
      return { items, next: after + items.length < rows.length ? after + items.length : null };
    },
    async balance(storeId, memberId) {
      scope.check(storeId);
      return memberOrThrow(memberId).balance;
    },
    async sumEntries(storeId, memberId) {
      scope.check(storeId);
      memberOrThrow(memberId);
      return ledger.sumForMember(memberId);
    },
  };
  return repository;
}
