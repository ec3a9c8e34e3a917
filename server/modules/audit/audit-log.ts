import type { UnitOfWork } from "../../storage/storage.port.js";
import { memberIdOf, presentAuditEntry, type AuditMember, type AuditView } from "./audit-labels.rules.js";

/** The store's audit log, newest first, each entry in words and with the member it is about (as they are now). */
export function listAuditLog(storage: UnitOfWork<"audit" | "members">, storeId: number, page: { limit: number; offset: number }): Promise<{ total: number; items: AuditView[] }> {
  return storage.read(storeId, async (tx) => {
    const { total, items } = await tx.audit.list(storeId, page);
    const ids = [...new Set(items.map(memberIdOf).filter((id) => id !== null))];
    const members = new Map<string, AuditMember>();
    for (const id of ids) {
      const member = await tx.members.get(storeId, id);
      if (member) members.set(id, { id, email: member.email });
    }
    return { total, items: items.map((entry) => presentAuditEntry(entry, members.get(memberIdOf(entry) ?? "") ?? null)) };
  });
}
