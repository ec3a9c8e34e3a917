import type { InboxRepository } from "../inbox/inbox-event.js";
import { queueJobPage } from "../inbox/job-page.js";
import type { Member } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { moveDue, targetGroup } from "./customer-group.rules.js";

/** One member's Ecwid customer group move, an inbox event. */
export const GROUP_MOVE_EVENT = "questline.tier_group_move";

/**
 * Queues a member's move into the Ecwid customer group their held tier links to (General when none), unless their
 * group as last recorded is already right. Durable (an inbox event, taken again after a restart) and idempotent by
 * member and target group: queued twice before it runs, it is stored once; a later move to the same group (after
 * the member was moved on and back) is a new event, since the id also names when the member's group was last set.
 * Call it whenever a member's held tier may have changed.
 */
export async function queueGroupMove(
  inbox: InboxRepository,
  storeId: number,
  member: Pick<Member, "id" | "customerId" | "tier">,
  tiers: ProgramSettings["tiers"],
  now: Date,
): Promise<{ queued: boolean }> {
  const target = targetGroup(tiers, member.tier, now);
  if (!moveDue(member, target)) return { queued: false };
  const lastSet = member.tier?.group?.syncedAt ?? "never";
  const { created } = await queueJobPage(
    inbox,
    { eventId: `group-move:${member.id}:${target}:${lastSet}`, storeId, eventType: GROUP_MOVE_EVENT, entityId: member.id, data: { memberId: member.id, groupId: target } },
    now,
  );
  return { queued: created };
}
