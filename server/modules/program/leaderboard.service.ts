import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { ExpiringCache } from "../../lib/expiring-cache.js";
import { parseInput } from "../../lib/validation.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { EarnedBoard, LedgerKind } from "../ledger/ledger-entry.js";
import { boardName } from "../members/member-name.rules.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { ShopperPrincipal } from "../shoppers/shopper-session.service.js";
import type { InstallService } from "../stores/install.service.js";
import { leaderboardChoiceSchema, type Leaderboard } from "./leaderboard-schema.js";
import { nextPeriodStart, periodKey, periodStart } from "./period.rules.js";

/**
 * What the board counts as earned: orders, tasks and referrals, the merchant's adjustments either way, and
 * reversals of earnings (a refund takes back what its order paid). Spending (redemptions and their refunds)
 * and expiry are not earning. The month's net of these, floored at 0, is a member's score.
 */
export const EARNED_KINDS: readonly LedgerKind[] = ["earn_order", "earn_task", "earn_referral", "adjust", "reverse"];

/** How long a store's board, as anyone may read it, is served from memory. */
export const BOARD_TTL_MS = 5_000;

export interface LeaderboardDeps {
  storage: UnitOfWork<"members" | "ledger">;
  installs: Pick<InstallService, "requireActive">;
  settings: Pick<SettingsService, "get">;
  clock: Clock;
}

/**
 * The calendar month's (store time zone) top members by points earned, for the storefront widget. Off until the
 * merchant turns it on; a shopper appears only once they opt in, named by first name and initial.
 */
export class LeaderboardService {
  /** The board without anyone's own rank, one per store: the same for every anonymous reader. */
  private readonly boards: ExpiringCache<number, Leaderboard>;

  constructor(private readonly deps: LeaderboardDeps) {
    this.boards = new ExpiringCache(BOARD_TTL_MS, () => deps.clock.now().getTime());
  }

  /** The board; for a signed-in shopper, with their own choice, points and rank. */
  async board(storeId: number, principal: ShopperPrincipal | null): Promise<Leaderboard> {
    const { timeZone } = await this.deps.installs.requireActive(storeId);
    const { size } = await this.enabled(storeId);
    const now = this.deps.clock.now();
    const query = (memberId: string | null) => ({
      from: periodStart("month", now, timeZone).toISOString(),
      until: nextPeriodStart("month", now, timeZone).toISOString(),
      kinds: EARNED_KINDS,
      limit: size,
      memberId,
    });
    const month = periodKey("month", now, timeZone);
    if (!principal) {
      return this.boards.get(storeId, async () => ({ month, top: shown(await this.deps.storage.read(storeId, (tx) => tx.ledger.earnedBoard(storeId, query(null)))), me: null }));
    }
    const { memberId } = principal;
    const [earned, member] = await this.deps.storage.read(
      storeId,
      async (tx) => [await tx.ledger.earnedBoard(storeId, query(memberId)), await tx.members.get(storeId, memberId)] as const,
    );
    // A session for a member the store no longer has (data purged after an uninstall) must sign in again.
    if (!member || !earned.member) throw new AppError("unauthorized", "Your membership was not found; sign in again");
    return { month, top: shown(earned), me: { optedIn: member.game.leaderboard, ...earned.member } };
  }

  /** The shopper puts themselves on the board or takes themselves off; the same choice again changes nothing. */
  async choose(principal: ShopperPrincipal, input: unknown): Promise<{ optedIn: boolean }> {
    const { storeId, memberId } = principal;
    const { optIn } = parseInput(leaderboardChoiceSchema, input);
    await this.deps.installs.requireActive(storeId);
    await this.enabled(storeId);
    await this.deps.storage.transaction(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      if (!member) throw new AppError("unauthorized", "Your membership was not found; sign in again");
      if (member.game.leaderboard === optIn) return;
      await tx.members.update(storeId, { ...member, game: { ...member.game, leaderboard: optIn }, updatedAt: this.deps.clock.now().toISOString() });
    });
    // Anonymous readers of this process see the change at once; other processes within BOARD_TTL_MS.
    this.boards.forget(storeId);
    return { optedIn: optIn };
  }

  private async enabled(storeId: number) {
    const { leaderboard } = await this.deps.settings.get(storeId);
    if (!leaderboard.enabled) throw new AppError("leaderboard_off", "This shop has no leaderboard");
    return leaderboard;
  }
}

const shown = (earned: EarnedBoard): Leaderboard["top"] => earned.top.map(({ rank, points, name, email }) => ({ rank, name: boardName(name, email), points }));
