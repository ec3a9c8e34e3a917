import type { Storage } from "../../server/storage/storage.port.js";

const everything = { limit: 100, offset: 0 };

/** What storage holds for one store, read through the port: install, inbox, members, their ledgers and orders, audit, settings. */
export async function storeSnapshot(storage: Storage, storeId: number) {
  const install = await storage.installs.get(storeId);
  const inbox = await storage.inbox.counts(storeId);
  const held = await storage.read(storeId, async (tx) => {
    const members = await tx.members.list(storeId, everything);
    const books = [];
    for (const member of members.items) {
      books.push({
        ledger: await tx.ledger.listForMember(storeId, member.id, everything),
        balance: await tx.ledger.balance(storeId, member.id),
        orders: await tx.orders.listForMember(storeId, member.id),
      });
    }
    return { members, books, audit: await tx.audit.list(storeId, everything), settings: await tx.settings.get(storeId) };
  });
  return { install, inbox, ...held };
}
