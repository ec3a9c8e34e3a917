import type { StoreTransaction } from "../../storage/storage.port.js";
import { normaliseEmail, type Member } from "../members/member.js";
import type { ImportRow, RejectedRow } from "./balance-rows.rules.js";

type PlanTx = Pick<StoreTransaction, "members" | "ledger">;

/** One row's member (null: one the import creates), the difference it posts and how many import entries they have. */
export interface Planned {
  row: ImportRow;
  member: Member | null;
  difference: number;
  importEntries: number;
}

/** Rows looked up per query: one look-up of their members and one sum of their import entries, not several per row. */
export const ROWS_PER_CHUNK = 1000;
export const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Each row against the store: the member it names (or none yet), their customer id, and whether their balance can take the difference. */
export async function plan(tx: PlanTx, storeId: number, rows: ImportRow[]): Promise<{ planned: Planned[]; rejected: RejectedRow[] }> {
  const planned: Planned[] = [];
  const rejected: RejectedRow[] = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_CHUNK) {
    const chunk = rows.slice(at, at + ROWS_PER_CHUNK);
    const found = await tx.members.findAny(storeId, { ids: [], emails: chunk.flatMap((row) => row.email ?? []), customerIds: chunk.flatMap((row) => row.customerId ?? []) });
    const byEmail = new Map(found.flatMap((member) => (member.email === null ? [] : [[normaliseEmail(member.email), member] as const])));
    const byCustomer = new Map(found.flatMap((member) => (member.customerId === null ? [] : [[member.customerId, member] as const])));
    const imported = await tx.ledger.sumsBySource(
      storeId,
      "import",
      found.map((member) => member.id),
    );
    for (const row of chunk) {
      const refuse = (reason: string) => rejected.push({ line: row.line, email: row.email, reason });
      const holder = row.customerId === null ? null : (byCustomer.get(row.customerId) ?? null);
      const member = row.email === null ? holder : (byEmail.get(row.email) ?? null);
      if (holder && holder.id !== member?.id) {
        refuse(`Customer id ${row.customerId} belongs to another member${holder.email ? ` (${holder.email})` : ""}`);
        continue;
      }
      if (member && row.customerId !== null && member.customerId !== null && member.customerId !== row.customerId) {
        refuse(`The member has customer id ${member.customerId}, not ${row.customerId}`);
        continue;
      }
      const earlier = (member && imported.get(member.id)) || { entries: 0, points: 0 };
      const difference = row.points - earlier.points;
      // A balance goes below 0 only as far as the file itself says (a debt carried over), never through other points.
      if (member && member.balance + difference < Math.min(0, row.points)) {
        refuse(
          `Changing the imported balance from ${earlier.points} to ${row.points} points would leave the member at ${member.balance + difference} (they have ${member.balance})`,
        );
        continue;
      }
      planned.push({ row, member, difference, importEntries: earlier.entries });
    }
    await aTurn();
  }
  return { planned, rejected };
}
