import type { Clock } from "../../lib/clock.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import { post } from "../ledger/posting.js";
import type { Member } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { SettingsService } from "../settings/settings.service.js";
import { payTierBirthday } from "../tiers/tier-birthday.js";
import type { InstallService } from "../stores/install.service.js";
import { birthdayBonusKey, birthdaysOn } from "./birthday.rules.js";
import { challengeHistory, NO_REFERRAL_HISTORY } from "./challenge-history.js";
import { hasLimits, limitReached, limitsPeriodStart } from "./challenge-limits.rules.js";
import { challengeStanding } from "./challenge-progress.rules.js";
import { inHoldout } from "../holdout/holdout.rules.js";

type Challenge = ProgramSettings["challenges"][number];
type BirthdayTransaction = Pick<StoreTransaction, "orders" | "tasks" | "ledger" | "members" | "webhooks">;

/**
 * The yearly birthday bonus: on a member's birthday in the store's time zone, each active birthday challenge
 * with `yearlyPoints` pays them once that local year (its key), within the challenge's budgets, if they are
 * in its audience; and the tier they hold pays its `birthdayPoints` once that year (its own key). Runs with the
 * hourly jobs; a run again the same day pays nothing twice.
 */
export class BirthdayBonusService {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"members" | "orders" | "tasks" | "ledger" | "redemptions" | "settings" | "webhooks">;
      installs: Pick<InstallService, "requireActive">;
      settings: Pick<SettingsService, "get">;
      clock: Clock;
    },
  ) {}

  async payStore(storeId: number): Promise<{ members: number; points: number }> {
    const paid = { members: 0, points: 0 };
    const settings = await this.deps.settings.get(storeId);
    const challenges = settings.challenges.filter((challenge) => challenge.goal.kind === "birthday" && challenge.goal.yearlyPoints > 0 && challenge.status === "active");
    if (challenges.length === 0 && !settings.tiers.some((tier) => tier.birthdayPoints > 0)) return paid;
    const { timeZone } = await this.deps.installs.requireActive(storeId);
    const now = this.deps.clock.now();
    const { year, days } = birthdaysOn(now, timeZone);
    const members = await this.deps.storage.read(storeId, (tx) => tx.members.withBirthdayOn(storeId, days));
    for (const { id } of members) {
      const points = await this.deps.storage.transaction(storeId, async (tx) => {
        const member = await tx.members.get(storeId, id);
        // A member the merchant's holdout leaves out gets no birthday points while it lasts.
        if (!member || inHoldout(member.holdout, now)) return 0;
        const fromChallenges = challenges.length > 0 ? await this.payChallenges(tx, storeId, member, challenges, settings, { year, now, timeZone }) : 0;
        return fromChallenges + (await payTierBirthday(tx, storeId, member, settings.tiers, year, now));
      });
      if (points === 0) continue;
      paid.members++;
      paid.points += points;
    }
    return paid;
  }

  /** The birthday challenges' points newly paid to `member`. */
  private async payChallenges(
    tx: BirthdayTransaction,
    storeId: number,
    member: Member,
    challenges: Challenge[],
    settings: ProgramSettings,
    day: { year: number; now: Date; timeZone: string },
  ): Promise<number> {
    const { year, now, timeZone } = day;
    const id = member.id;
    const history = challengeHistory(member, await tx.orders.listForMember(storeId, id), await tx.tasks.listForMember(storeId, id), settings.tiers, NO_REFERRAL_HISTORY, now);
    let paid = 0;
    for (const challenge of challenges) {
      const points = challenge.goal.kind === "birthday" ? challenge.goal.yearlyPoints : 0;
      const { reason } = challengeStanding(challenge, history, now, timeZone);
      if (reason === "audience" || reason === "ended" || reason === "not_started") continue;
      const source = { type: "task", id: challenge.id } as const;
      if (hasLimits(challenge)) {
        const tallies = {
          total: await tx.ledger.tallyBySource(storeId, source, null),
          period: await tx.ledger.tallyBySource(storeId, source, limitsPeriodStart(challenge, now, timeZone)),
        };
        if (limitReached({ ...challenge, points }, tallies)) continue;
      }
      const { created } = await post(
        tx,
        storeId,
        {
          memberId: id,
          delta: points,
          kind: "earn_task",
          source,
          idempotencyKey: birthdayBonusKey(challenge.id, id, year),
          actor: "system",
          note: `Happy birthday: ${challenge.title}`,
          basis: { challengeId: challenge.id, title: challenge.title, goal: challenge.goal, countFrom: challenge.countFrom, points, periodKey: `birthday-${year}` },
        },
        now,
      );
      if (created) paid += points;
    }
    return paid;
  }
}
