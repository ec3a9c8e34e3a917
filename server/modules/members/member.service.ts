import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import { emptyStats, freshMemberState, normaliseEmail, type Member, type MemberRepository } from "./member.js";

/**
 * Finds the member an Ecwid identity belongs to, creating one when none exists (`joining` completes a new member,
 * e.g. with its holdout draw). Customer id wins; a guest is matched by normalised email, and a later account links to it.
 */
export async function findOrCreateMember(
  tx: { members: Pick<MemberRepository, "findByCustomerId" | "findByEmail" | "update" | "insert"> },
  storeId: number,
  identity: { customerId: number | null; email: string | null },
  clock: Clock,
  joining: (member: Member) => Member = (member) => member,
): Promise<Member> {
  const email = identity.email ? normaliseEmail(identity.email) : null;
  const byCustomer = identity.customerId ? await tx.members.findByCustomerId(storeId, identity.customerId) : null;
  if (byCustomer) return byCustomer;
  const byEmail = email ? await tx.members.findByEmail(storeId, email) : null;
  const at = clock.now().toISOString();
  if (byEmail) {
    if (identity.customerId && byEmail.customerId === null) {
      const linked = { ...byEmail, customerId: identity.customerId, updatedAt: at };
      await tx.members.update(storeId, linked);
      return linked;
    }
    return byEmail;
  }
  if (!email && !identity.customerId) throw new Error("a member needs an email or an Ecwid customer id");
  const member: Member = joining({
    id: newId("mem"),
    storeId,
    email,
    customerId: identity.customerId,
    balance: 0,
    stats: emptyStats(),
    ...freshMemberState(),
    createdAt: at,
    updatedAt: at,
  });
  await tx.members.insert(storeId, member);
  return member;
}
