import type { EcwidCustomerGroups } from "../../ecwid/customer-groups.client.js";
import { isGroupsUnavailable } from "../../ecwid/customer-groups.client.js";
import { EcwidApiError } from "../../ecwid/ecwid-api-error.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { InboxEvent, InboxRepository } from "../inbox/inbox-event.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { InstallService } from "../stores/install.service.js";
import { groupMove, linkedGroups, targetGroup } from "./customer-group.rules.js";
import { queueGroupMove } from "./group-move-queue.js";
import { noTiers, type MemberTier } from "./member-tier.js";
import type { TierChange } from "./tier-change.js";

type Group = NonNullable<MemberTier["group"]>;

/** How long a store whose plan refused customer groups makes no group calls: its queued moves are recorded `unavailable`. */
const UNAVAILABLE_PAUSE_MS = 10 * 60_000;

export interface GroupMoveDeps {
  storage: UnitOfWork<"members" | "settings">;
  inbox: InboxRepository;
  installs: Pick<InstallService, "requireActive" | "accessToken">;
  ecwid: Pick<EcwidCustomerGroups, "getCustomer" | "setCustomerGroup">;
  clock: Clock;
  logger: Logger;
}

/**
 * Runs one queued move: reads the customer's group in Ecwid, moves them where their held tier (as it is when the
 * move runs) links to, or leaves them alone, and records what it found in `member.tier.group`. A failure Ecwid may
 * get over (429 after the client's own waits, 5xx, no answer) is thrown, and the inbox retries it with backoff.
 */
export class GroupMoveService {
  /** Stores whose plan refused customer groups, until when (this process). */
  private readonly pausedUntil = new Map<number, number>();

  constructor(private readonly deps: GroupMoveDeps) {}

  /**
   * Queues the member's move after a change of the tier they hold (told once the change is committed). Never throws:
   * a move it fails to queue is queued by the next change or the merchant's sync, since the member's group stays unsynced.
   */
  async tierChanged(storeId: number, change: Pick<TierChange, "memberId">): Promise<void> {
    const { storage, installs, inbox, clock, logger } = this.deps;
    try {
      const install = await installs.requireActive(storeId);
      const { member, settings } = await storage.read(storeId, async (tx) => ({
        member: await tx.members.get(storeId, change.memberId),
        settings: await tx.settings.get(storeId),
      }));
      if (member) await queueGroupMove(inbox, storeId, member, readSavedSettings(settings, install.currencyPrecision).tiers, clock.now());
    } catch (err) {
      logger.warn({ storeId, memberId: change.memberId, err }, "customer group move not queued after a tier change");
    }
  }

  /** Lets the store's moves call Ecwid again (the merchant says the plan has customer groups now). */
  resume(storeId: number): void {
    this.pausedUntil.delete(storeId);
  }

  /** The inbox handler for GROUP_MOVE_EVENT. */
  async processMove(event: InboxEvent): Promise<void> {
    const { storage, installs, clock } = this.deps;
    const storeId = event.storeId;
    const memberId = String(event.data?.memberId ?? "");
    const install = await installs.requireActive(storeId);
    const { member, tiers } = await storage.read(storeId, async (tx) => ({
      member: await tx.members.get(storeId, memberId),
      tiers: readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision).tiers,
    }));
    if (!member) return;
    const precision = install.currencyPrecision;
    const target = targetGroup(tiers, member.tier, clock.now());
    if (member.customerId === null) return this.record(storeId, memberId, { ecwidGroupId: null, state: "guest" }, precision);
    // What Questline last put them in (kept while a move waits or cannot run); a foreign group is the merchant's, a guest has none.
    const lastSet = member.tier?.group && ["synced", "pending", "unavailable"].includes(member.tier.group.state) ? member.tier.group.ecwidGroupId : null;
    if ((this.pausedUntil.get(storeId) ?? 0) > clock.now().getTime()) return this.record(storeId, memberId, { ecwidGroupId: lastSet, state: "unavailable" }, precision);
    const token = await installs.accessToken(storeId);
    try {
      const customer = await this.deps.ecwid.getCustomer(storeId, token, member.customerId);
      if (!customer) return this.record(storeId, memberId, { ecwidGroupId: null, state: "guest" }, precision);
      const decision = groupMove(customer.customerGroupId, target, linkedGroups(tiers), lastSet);
      if (decision === "foreign") return this.record(storeId, memberId, { ecwidGroupId: customer.customerGroupId, state: "foreign" }, precision);
      if (decision === "move") await this.deps.ecwid.setCustomerGroup(storeId, token, member.customerId, target);
      return this.record(storeId, memberId, { ecwidGroupId: target, state: "synced" }, precision);
    } catch (error) {
      return this.record(storeId, memberId, { ecwidGroupId: lastSet, state: this.refused(storeId, error) }, precision);
    }
  }

  /**
   * What a refusal leaves the member in. A plan without customer groups, or a token without the scopes, stops the
   * store's moves for a while (`unavailable`); another definite refusal (a linked group Ecwid no longer has) leaves the
   * move `pending` until the links change; anything Ecwid may get over is thrown, for the inbox to retry.
   */
  private refused(storeId: number, error: unknown): "unavailable" | "pending" {
    const { clock, logger } = this.deps;
    if (!(error instanceof EcwidApiError) || error.retryable || error.status === null || error.status < 400) throw error;
    const scopeMissing = error.errorCode === "INSUFFICIENT_APP_SCOPE";
    if (isGroupsUnavailable(error) || scopeMissing) {
      this.pausedUntil.set(storeId, clock.now().getTime() + UNAVAILABLE_PAUSE_MS);
      logger.warn(
        { storeId, errorCode: error.errorCode },
        scopeMissing
          ? "customer group moves stopped: the store has not granted Questline update_customers; the merchant must allow it again in Ecwid"
          : "customer group moves stopped: the store's Ecwid plan has no customer groups (CUSTOMER_GROUPS_FEATURE_NOT_AVAILABLE)",
      );
      return "unavailable";
    }
    logger.warn({ storeId, status: error.status, errorCode: error.errorCode, err: error }, "customer group move refused by Ecwid; it waits until the tiers' links change");
    return "pending";
  }

  /** Records the result on the member (with no tiers yet if they had no tier state), then queues another move if their tier changed meanwhile. */
  private async record(storeId: number, memberId: string, result: Omit<Group, "syncedAt">, precision: number): Promise<void> {
    const { storage, inbox, clock } = this.deps;
    const now = clock.now();
    const group: Group = { ...result, syncedAt: now.toISOString() };
    const after = await storage.transaction(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      if (!member) return null;
      const updated = { ...member, tier: { ...(member.tier ?? noTiers(now.toISOString())), group }, updatedAt: now.toISOString() };
      await tx.members.update(storeId, updated);
      return { member: updated, tiers: readSavedSettings(await tx.settings.get(storeId), precision).tiers };
    });
    if (after && result.state === "synced") await queueGroupMove(inbox, storeId, after.member, after.tiers, now);
  }
}
