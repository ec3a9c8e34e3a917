import type { Clock } from "../../lib/clock.js";
import { OnePerStore } from "../../lib/one-at-a-time.js";
import { notFound } from "../../lib/errors.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { InstallService } from "../stores/install.service.js";
import type { MemberTier } from "./member-tier.js";
import type { TierChange } from "./tier-change.js";
import { assignTier } from "./tier-assignment.js";
import { previewMember, TierMoveTally, type TierPreview, type TierProposal } from "./tier-preview.js";
import { countTiers, type TierCounts } from "./tier-counts.js";
import { readTierStanding } from "./tier-standing.js";
import type { MemberTierStanding } from "./tier-standing.rules.js";

const PAGE = 100;
/** The merchant's member page shows more of a member's history than the shopper's widget. */
const MERCHANT_CHANGES = 50;

/** The merchant's side of tiers: a member's tier state and changes, an invitation-only tier given or taken, a proposed ladder previewed. */
export class TierAdminService {
  private readonly previewing = new OnePerStore("A tier preview for this store is still being measured; ask again once it has answered.");

  constructor(
    private readonly deps: {
      storage: UnitOfWork<"members" | "orders" | "ledger" | "tierChanges" | "audit" | "webhooks">;
      installs: Pick<InstallService, "requireActive">;
      settings: Pick<SettingsService, "get">;
      clock: Clock;
      /** Told after the commit of a change the merchant made (the member's Ecwid group follows); must not throw. */
      onChange?: (storeId: number, change: TierChange) => void;
    },
  ) {}

  /** `changes` are the standing's changes as recorded, with their details (the amount a review measured, the order, the merchant). */
  async member(storeId: number, memberId: string): Promise<{ memberId: string; state: MemberTier | null; standing: MemberTierStanding; changes: TierChange[] }> {
    const program = await this.program(storeId);
    const now = this.deps.clock.now();
    return this.deps.storage.read(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      if (!member) throw notFound(`Member ${memberId} was not found in this store`);
      const standing = await readTierStanding(tx, storeId, member, program, now, MERCHANT_CHANGES);
      return { memberId, state: member.tier, standing, changes: await tx.tierChanges.listForMember(storeId, memberId, MERCHANT_CHANGES) };
    });
  }

  async assign(storeId: number, memberId: string, tierId: string | null, actor: string): Promise<{ memberId: string; state: MemberTier }> {
    const settings = await this.deps.settings.get(storeId);
    const { state, change } = await assignTier(this.deps, settings, storeId, memberId, tierId, actor);
    if (change) this.deps.onChange?.(storeId, change);
    return { memberId, state };
  }

  async counts(storeId: number): Promise<TierCounts> {
    const { tiers } = await this.deps.settings.get(storeId);
    const now = this.deps.clock.now();
    return countTiers(tiers, await this.deps.storage.read(storeId, (tx) => tx.members.tierHolders(storeId, now)));
  }

  /** What the proposal would do to every member, read a page at a time; nothing is saved. */
  /** One at a time per store (it reads every member): parallel previews would hold the connections every store shares. */
  preview(storeId: number, proposal: TierProposal): Promise<TierPreview> {
    return this.previewing.run(storeId, () => this.measure(storeId, proposal));
  }

  private async measure(storeId: number, proposal: TierProposal): Promise<TierPreview> {
    const { timeZone } = await this.deps.installs.requireActive(storeId);
    const program = { settings: proposal, timeZone };
    const now = this.deps.clock.now();
    const moves = new TierMoveTally();
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.deps.storage.read(storeId, async (tx) => {
        const { items } = await tx.members.list(storeId, { limit: PAGE, offset });
        for (const member of items) moves.add(await previewMember(tx, storeId, member, program, now));
        return items.length;
      });
      if (page < PAGE) return moves.preview();
      // lowdb reads never wait on I/O: without a turn between pages one preview would hold every store's requests.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async program(storeId: number) {
    const { timeZone } = await this.deps.installs.requireActive(storeId);
    return { settings: await this.deps.settings.get(storeId), timeZone };
  }
}
