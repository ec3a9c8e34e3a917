import type { Clock } from "../../lib/clock.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { InstallService } from "../stores/install.service.js";
import type { TierChange } from "./tier-change.js";
import { reviewMemberTier } from "./tier-review.step.js";

const PAGE = 100;

/**
 * The scheduled side of tier reviews (README.md): every member never reviewed and every member whose `reviewAt`
 * has come, a page at a time, each in its own transaction. What is due is read from the members, so a run stopped
 * half-way (a restart) resumes where it was.
 */
export class TierReviewService {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"members" | "orders" | "ledger" | "tierChanges" | "webhooks">;
      installs: Pick<InstallService, "requireActive">;
      settings: Pick<SettingsService, "get">;
      clock: Clock;
      /** Told after each review's transaction committed of the change it recorded (the tier emails); must not throw. */
      onChange?: (storeId: number, change: TierChange) => void;
    },
  ) {}

  async reviewStore(storeId: number): Promise<{ reviewed: number; changed: number }> {
    const { timeZone } = await this.deps.installs.requireActive(storeId);
    const settings = await this.deps.settings.get(storeId);
    const done = { reviewed: 0, changed: 0 };
    const seen = new Set<string>();
    for (;;) {
      const now = this.deps.clock.now();
      const due = (await this.deps.storage.read(storeId, (tx) => tx.members.tierReviewsDue(storeId, now, PAGE))).filter((member) => !seen.has(member.id));
      // A review always schedules the next one after `now`; one due again at once is not taken twice in a run.
      if (due.length === 0) return done;
      for (const { id } of due) {
        seen.add(id);
        const change = await this.deps.storage.transaction(storeId, async (tx) => {
          const member = await tx.members.get(storeId, id);
          return member ? (await reviewMemberTier(tx, storeId, member, { settings, timeZone }, now)).change : null;
        });
        done.reviewed++;
        if (change) {
          done.changed++;
          this.deps.onChange?.(storeId, change);
        }
      }
    }
  }
}
