import type { Storage, StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";

const PAGE = 500;

export type BooksProblem = { kind: "balance"; memberId: string; cached: number; summed: number } | { kind: "duplicate_key"; idempotencyKey: string; entryIds: string[] };

export interface StoreBooks {
  storeId: number;
  members: number;
  entries: number;
  problems: BooksProblem[];
}

/**
 * Recomputes every member's balance from the ledger, through the storage port (so it judges any
 * adapter the same way), and reports each cached balance that differs from the sum of its entries and
 * each idempotency key held by more than one entry. Each store is read in one consistent snapshot.
 */
export async function verifyBooks(storage: UnitOfWork<"members" | "ledger"> & Pick<Storage, "storeIds">, options: { storeIds?: number[] } = {}): Promise<StoreBooks[]> {
  const storeIds = options.storeIds ?? (await storage.storeIds());
  const report: StoreBooks[] = [];
  for (const storeId of storeIds) report.push(await storage.read(storeId, (tx) => verifyStore(tx, storeId)));
  return report;
}

async function verifyStore(tx: Pick<StoreTransaction, "members" | "ledger">, storeId: number): Promise<StoreBooks> {
  const books: StoreBooks = { storeId, members: 0, entries: 0, problems: [] };
  const entriesByKey = new Map<string, string[]>();
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await tx.members.list(storeId, { limit: PAGE, offset });
    for (const member of items) {
      let summed = 0;
      for (let entryOffset = 0; ; entryOffset += PAGE) {
        const page = await tx.ledger.listForMember(storeId, member.id, { limit: PAGE, offset: entryOffset });
        for (const entry of page.items) {
          summed += entry.delta;
          entriesByKey.set(entry.idempotencyKey, [...(entriesByKey.get(entry.idempotencyKey) ?? []), entry.id]);
        }
        books.entries += page.items.length;
        if (page.items.length < PAGE) break;
      }
      if (summed !== member.balance) books.problems.push({ kind: "balance", memberId: member.id, cached: member.balance, summed });
    }
    books.members += items.length;
    if (items.length < PAGE) break;
  }
  for (const [idempotencyKey, entryIds] of entriesByKey) {
    if (entryIds.length > 1) books.problems.push({ kind: "duplicate_key", idempotencyKey, entryIds });
  }
  return books;
}

/** One line per problem, for people reading a terminal or a log. */
export function describeProblem(storeId: number, problem: BooksProblem): string {
  if (problem.kind === "balance") return `store ${storeId}: member ${problem.memberId} has a cached balance of ${problem.cached} but its entries sum to ${problem.summed}`;
  return `store ${storeId}: idempotency key ${problem.idempotencyKey} is held by ${problem.entryIds.length} entries (${problem.entryIds.join(", ")})`;
}
