/**
 * A child process for the lowdb crash test: it keeps committing transactions that grow one store
 * file until it is killed. Run: node --import tsx test/support/lowdb-crash-writer.ts <dataDir> <storeId>
 *
 * Every committed state is self-checking: entry i has key `crash:i` and delta `deltaFor(i)`, each
 * transaction adds `entriesPerCommit` entries and bumps the member's paidOrders by one, so a store
 * file is consistent when its entry count, balance and paidOrders all agree.
 * It prints `ready <entries>` once the store is seeded and `committed <entries>` after each commit.
 */
import { pathToFileURL } from "node:url";
import { emptyStats, freshMemberState, type Member } from "../../server/modules/members/member.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { StoreTransaction } from "../../server/storage/storage.port.js";
import { aLedgerEntry } from "./storage-fixtures.js";

export const crashMemberId = "mem_crash";
export const entriesPerCommit = 3;
/** Enough entries that the store file weighs a few megabytes and each write takes real time. */
export const seedEntries = 3_000;

export const deltaFor = (index: number): number => (index % 7) + 1;

export function expectedBalance(entries: number): number {
  let sum = 0;
  for (let i = 0; i < entries; i += 1) sum += deltaFor(i);
  return sum;
}

const padding = "x".repeat(300);

async function appendEntries(tx: StoreTransaction, storeId: number, from: number, count: number): Promise<void> {
  for (let index = from; index < from + count; index += 1) {
    await tx.ledger.append(
      storeId,
      aLedgerEntry(storeId, crashMemberId, {
        delta: deltaFor(index),
        idempotencyKey: `crash:${index}`,
        source: { type: "task", id: String(index) },
        note: padding,
        basis: { index, padding },
        createdAt: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
      }),
    );
  }
  const member = await tx.members.get(storeId, crashMemberId);
  if (!member) throw new Error("crash member missing");
  await tx.members.update(storeId, { ...member, stats: { ...member.stats, paidOrders: (from + count) / entriesPerCommit } });
}

async function main(dataDir: string, storeId: number): Promise<never> {
  const storage = await createLowdbStorage({ dataDir });
  let entries = await storage.transaction(storeId, async (tx) => {
    if (!(await tx.members.get(storeId, crashMemberId))) {
      const now = new Date().toISOString();
      const member: Member = { id: crashMemberId, storeId, email: null, customerId: null, balance: 0, stats: emptyStats(), ...freshMemberState(), createdAt: now, updatedAt: now };
      await tx.members.insert(storeId, member);
    }
    const { total } = await tx.ledger.listForMember(storeId, crashMemberId, { limit: 0, offset: 0 });
    if (total > 0) return total;
    await appendEntries(tx, storeId, 0, seedEntries);
    return seedEntries;
  });
  process.stdout.write(`ready ${entries}\n`);
  for (;;) {
    const from = entries;
    entries = await storage.transaction(storeId, async (tx) => {
      await appendEntries(tx, storeId, from, entriesPerCommit);
      return from + entriesPerCommit;
    });
    process.stdout.write(`committed ${entries}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dataDir, storeId] = process.argv.slice(2);
  if (!dataDir || !storeId) throw new Error("usage: lowdb-crash-writer.ts <dataDir> <storeId>");
  await main(dataDir, Number(storeId));
}
