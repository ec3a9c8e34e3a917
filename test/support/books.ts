import type { Storage } from "../../server/storage/storage.port.js";

/** What the books say about one shopper: balance (cached and summed) and every ledger line, oldest first. */
export async function booksFor(storage: Storage, storeId: number, email: string) {
  return storage.transaction(storeId, async (tx) => {
    const member = await tx.members.findByEmail(storeId, email);
    if (!member) return { member: null, balance: 0, summed: 0, entries: [] };
    const { items } = await tx.ledger.listForMember(storeId, member.id, { limit: 100, offset: 0 });
    return { member, balance: await tx.ledger.balance(storeId, member.id), summed: await tx.ledger.sumEntries(storeId, member.id), entries: items.reverse() };
  });
}
