import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { InboxEvent, InboxRepository } from "../inbox/inbox-event.js";
import { queueJobPage } from "../inbox/job-page.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { InstallService } from "../stores/install.service.js";
import { queueGroupMove } from "./group-move-queue.js";

/** One page of members looked at after the merchant changed which groups tiers link to, an inbox event. */
export const GROUP_WALK_EVENT = "questline.tier_group_walk_page";
const PAGE_SIZE = 100;

/**
 * The tiers linked to a group, with their group: what a walk puts right. A tier added, moved or removed without a
 * group changes members' groups only as their held tier changes, and each such change queues its own move.
 */
const links = (settings: ProgramSettings) => JSON.stringify(settings.tiers.flatMap((tier) => (tier.customerGroupId === null ? [] : [[tier.id, tier.customerGroupId]])).sort());

/**
 * When the merchant links a tier to a group, unlinks it or removes a tier, every member is looked at in pages (each an
 * inbox event, so the walk survives a restart) and a move is queued for each whose group is no longer right.
 */
export class GroupLinkWalkService {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"members" | "settings">;
      inbox: InboxRepository;
      installs: Pick<InstallService, "requireActive">;
      clock: Clock;
      pageSize?: number;
    },
  ) {}

  /** Called once a program change is saved. */
  async linksChanged(storeId: number, before: ProgramSettings, after: ProgramSettings): Promise<void> {
    if (links(before) !== links(after)) await this.start(storeId);
  }

  /** Looks at every member of the store again (after a change of links: each change its own walk). */
  start(storeId: number): Promise<{ created: boolean }> {
    return this.queuePage(storeId, newId("gw"), 0);
  }

  /** The merchant's "check every member again": one walk a minute per store however often it is asked (`created` false for a repeat). */
  recheck(storeId: number): Promise<{ created: boolean }> {
    return this.queuePage(storeId, `gw_check_${Math.floor(this.deps.clock.now().getTime() / 60_000)}`, 0);
  }

  /** The inbox handler for GROUP_WALK_EVENT. */
  async processPage(event: InboxEvent): Promise<void> {
    const { storage, installs, inbox, clock } = this.deps;
    const storeId = event.storeId;
    const walkId = String(event.data?.walkId ?? "");
    const offset = Number(event.data?.offset ?? 0);
    const install = await installs.requireActive(storeId);
    const size = this.deps.pageSize ?? PAGE_SIZE;
    const { page, tiers } = await storage.read(storeId, async (tx) => ({
      page: await tx.members.list(storeId, { limit: size, offset }),
      tiers: readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision).tiers,
    }));
    for (const member of page.items) await queueGroupMove(inbox, storeId, member, tiers, clock.now());
    if (page.items.length === size && offset + size < page.total) await this.queuePage(storeId, walkId, offset + size);
  }

  private queuePage(storeId: number, walkId: string, offset: number): Promise<{ created: boolean }> {
    return queueJobPage(
      this.deps.inbox,
      { eventId: `${walkId}:${offset}`, storeId, eventType: GROUP_WALK_EVENT, entityId: walkId, data: { walkId, offset } },
      this.deps.clock.now(),
    );
  }
}
