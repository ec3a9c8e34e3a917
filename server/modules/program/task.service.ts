import type { Clock } from "../../lib/clock.js";
import { AppError, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { enforceLimits, type RateLimiter, type RateLimiters } from "../../lib/rate-limit/rate-limiter.js";
import { parseInput, validationFailed } from "../../lib/validation.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { ShopperPrincipal } from "../shoppers/shopper-session.service.js";
import type { InstallService } from "../stores/install.service.js";
import { mayChangeBirthday, nextBirthdayChange } from "./birthday.rules.js";
import { payDueChallenges, type ChallengePayout } from "./challenge-awards.js";
import { challengeHistory, NO_REFERRAL_HISTORY } from "./challenge-history.js";
import { hasLimits, limitReached, limitsPeriodStart } from "./challenge-limits.rules.js";
import { challengeStanding, type Challenge } from "./challenge-progress.rules.js";
import { SHOPPER_TASK_KINDS, type GoalKind } from "./challenge-schema.js";
import type { ProofPhoto, ProofPhotoStore } from "./proof-photo.js";
import type { TaskCompletion } from "./task-completion.js";
import type { z } from "zod";
import { birthdayTaskSchema, emptyTaskSchema, linkProofSchema, photoProofSchema, PROOF_PHOTO_BYTES, surveyTaskSchema, type TaskAnswer, type TaskBody } from "./task-schema.js";
import { inHoldout } from "../holdout/holdout.rules.js";

type TasksTx = Pick<StoreTransaction, "members" | "orders" | "tasks" | "ledger" | "redemptions" | "settings" | "webhooks">;

const TASK_LIMIT = { name: "tasks-member", points: 30, windowSeconds: 300, refusal: "Many tasks in a short time. Try again in a few minutes." };
/** Proofs a store may hold waiting for review: the queue (and its photos) cannot be grown without bound. */
export const MAX_PENDING_PROOFS = 500;

/** 200 paid at once, 202 sent for the merchant's review. */
export interface TaskOutcome {
  status: 200 | 202;
  body: TaskAnswer;
}

export interface TaskServiceDeps {
  storage: UnitOfWork<"members" | "orders" | "tasks" | "ledger" | "redemptions" | "settings" | "webhooks">;
  installs: Pick<InstallService, "requireActive">;
  settings: Pick<SettingsService, "get">;
  photos: ProofPhotoStore;
  rateLimiters: RateLimiters;
  clock: Clock;
}

/**
 * Shopper tasks: joining, a birthday, a click-through, a survey answer and proof. Each completion is recorded per
 * challenge, member and period (the challenge rules' period key) and paid by the same payout as order challenges,
 * in the same transaction, so a task is paid once per period however often it is sent. Proof waits for the
 * merchant's review and is paid when approved.
 */
export class TaskService {
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: TaskServiceDeps) {
    this.limiter = deps.rateLimiters(TASK_LIMIT);
  }

  async complete(principal: ShopperPrincipal, challengeId: string, input: unknown): Promise<TaskOutcome> {
    const { storeId, memberId } = principal;
    const { install, settings, challenge } = await this.challenge(storeId, challengeId);
    // Each kind's schema lets through only its own field; the rest are absent.
    const body: TaskFields = parseInput<TaskBody>(bodySchemaFor(challenge), input ?? {});
    await enforceLimits([[this.limiter, `${storeId}:${memberId}`]]);
    const photo = body.photo ? decodePhoto(body.photo) : null;
    const completionId = newId("tsk");
    if (photo) await this.deps.photos.put(storeId, completionId, photo);
    try {
      return await this.deps.storage.transaction(storeId, async (tx) => {
        const now = this.deps.clock.now();
        const member = await memberOf(tx, principal);
        if (inHoldout(member.holdout, now)) throw notAvailable("held_out", "This shop's program does not include you for now.");
        const { history, completions } = await historyOf(tx, member, settings, now);
        const standing = challengeStanding(challenge, history, now, install.timeZone);
        if (standing.reason) throw notAvailable(standing.reason);
        const live = completions.find((done) => done.challengeId === challenge.id && done.periodKey === standing.periodKey && done.status !== "rejected");
        if (live?.status === "pending") throw new AppError("pending_review", "Your proof is waiting for the shop's review.");
        if (live || !standing.open) throw alreadyCompleted(standing.nextAvailableAt);
        if (await closedByLimits(tx, storeId, challenge, now, install.timeZone)) throw notAvailable("closed");
        if (body.birthday) await saveBirthday(tx, member, body.birthday, now);
        const proof = challenge.goal.kind === "proof";
        const completion: TaskCompletion = {
          id: completionId,
          storeId,
          memberId,
          challengeId: challenge.id,
          periodKey: standing.periodKey,
          status: proof ? "pending" : "done",
          answer: body.answer ? { score: body.answer.score, comment: body.answer.comment || null } : null,
          link: body.link ?? null,
          photo: photo !== null,
          reason: null,
          completedAt: now.toISOString(),
          decidedAt: null,
        };
        if (proof && (await tx.tasks.listByStatus(storeId, "pending", { limit: 1, offset: 0 })).total >= MAX_PENDING_PROOFS)
          throw notAvailable("review_queue_full", "The shop has many proofs to review. Please try again in a few days.");
        await tx.tasks.insert(storeId, completion);
        if (proof) return { status: 202 as const, body: { awarded: NOTHING, balance: await tx.ledger.balance(storeId, memberId), nextAvailableAt: null } };
        const paid = await pay(tx, storeId, memberId, history, completion, challenge, { clock: this.deps.clock, timeZone: install.timeZone });
        if (paid.challenges === 0) throw notAvailable("closed");
        return {
          status: 200 as const,
          body: await this.answer(tx, storeId, memberId, paid, challenge, { ...history, completions: [...completions, completion] }, install.timeZone),
        };
      });
    } catch (error) {
      if (photo) await this.deps.photos.remove(storeId, completionId);
      throw error;
    }
  }

  /** Completes every join challenge open to a member who just proved their email; never throws (sign-in goes on). */
  async joined(principal: ShopperPrincipal): Promise<void> {
    const settings = await this.deps.settings.get(principal.storeId).catch(() => null);
    for (const challenge of settings?.challenges.filter((one) => one.goal.kind === "join" && one.status === "active") ?? []) {
      // Not open to this shopper, done already, closed: joining goes on all the same.
      await this.complete(principal, challenge.id, {}).catch(() => undefined);
    }
  }

  /** `PUT /me/birthday`: sets or changes the birthday (a change at most once a year); pays nothing. */
  async setBirthday(principal: ShopperPrincipal, input: unknown): Promise<{ birthday: string; nextChangeAt: string | null }> {
    const { storeId } = principal;
    const { birthday } = parseInput(birthdayTaskSchema, input);
    await this.deps.installs.requireActive(storeId);
    await enforceLimits([[this.limiter, `${storeId}:${principal.memberId}`]]);
    return this.deps.storage.transaction(storeId, async (tx) => {
      const member = await memberOf(tx, principal);
      const saved = await saveBirthday(tx, member, birthday, this.deps.clock.now());
      return { birthday, nextChangeAt: nextBirthdayChange(saved.birthdaySetAt)?.toISOString() ?? null };
    });
  }

  /**
   * The merchant's decision on a proof: approved, it counts and is paid (points, badges) in the same transaction;
   * rejected, the shopper reads the reason and may send proof again. A decided proof is not decided twice.
   */
  async review(
    storeId: number,
    completionId: string,
    decision: { approve: true } | { approve: false; reason: string },
  ): Promise<{ proof: TaskCompletion; awarded: TaskAnswer["awarded"] }> {
    const install = await this.deps.installs.requireActive(storeId);
    const settings = await this.deps.settings.get(storeId);
    const outcome = await this.deps.storage.transaction(storeId, async (tx) => {
      const proof = await tx.tasks.get(storeId, completionId);
      if (!proof || proof.status === "done") throw notFound(`proof ${completionId} not found`);
      if (proof.status !== "pending") throw new AppError("already_decided", `This proof was already ${proof.status}.`, { status: proof.status });
      const now = this.deps.clock.now();
      const decided: TaskCompletion = {
        ...proof,
        status: decision.approve ? "approved" : "rejected",
        reason: decision.approve ? null : decision.reason,
        decidedAt: now.toISOString(),
        photo: false,
      };
      await tx.tasks.update(storeId, decided);
      const challenge = settings.challenges.find((one) => one.id === proof.challengeId);
      const member = await tx.members.get(storeId, proof.memberId);
      if (!decision.approve || !challenge || !member) return { proof: decided, awarded: NOTHING };
      const { history } = await historyOf(tx, member, settings, now);
      const paid = await pay(tx, storeId, member.id, history, decided, challenge, { clock: this.deps.clock, timeZone: install.timeZone });
      return { proof: decided, awarded: awardedOf(paid) };
    });
    if (outcome.proof.status !== "pending") await this.deps.photos.remove(storeId, completionId);
    return outcome;
  }

  private async challenge(storeId: number, challengeId: string) {
    const install = await this.deps.installs.requireActive(storeId);
    const settings = await this.deps.settings.get(storeId);
    const challenge = settings.challenges.find((one) => one.id === challengeId && one.status !== "draft");
    if (!challenge) throw notFound(`challenge ${challengeId} not found`);
    if (!(SHOPPER_TASK_KINDS as readonly GoalKind[]).includes(challenge.goal.kind))
      throw notAvailable("counts_orders", "This challenge counts paid orders; there is nothing to do here.");
    return { install, settings, challenge };
  }

  private async answer(
    tx: TasksTx,
    storeId: number,
    memberId: string,
    paid: ChallengePayout,
    challenge: Challenge,
    history: Parameters<typeof challengeStanding>[1],
    timeZone: string,
  ): Promise<TaskAnswer> {
    const after = challengeStanding(challenge, history, this.deps.clock.now(), timeZone);
    return { awarded: awardedOf(paid), balance: await tx.ledger.balance(storeId, memberId), nextAvailableAt: after.nextAvailableAt };
  }
}

/** Every field a task body may carry; each kind's schema lets through only its own. */
type TaskFields = Partial<z.infer<typeof birthdayTaskSchema> & z.infer<typeof surveyTaskSchema> & z.infer<typeof linkProofSchema> & z.infer<typeof photoProofSchema>>;

const NOTHING: TaskAnswer["awarded"] = { points: 0, badges: [], rewards: [] };

const awardedOf = (paid: ChallengePayout): TaskAnswer["awarded"] => (paid.challenges > 0 ? { points: paid.points, badges: paid.badgeIds, rewards: paid.rewardIds } : NOTHING);

const notAvailable = (reason: string, message = "This challenge is not open to you now.") => new AppError("not_available", message, { reason });
const alreadyCompleted = (nextAvailableAt: string | null) =>
  new AppError("already_completed", nextAvailableAt ? "You did this already; it opens again later." : "You did this already.", { nextAvailableAt });

async function memberOf(tx: TasksTx, { storeId, memberId }: ShopperPrincipal): Promise<Member> {
  const member = await tx.members.get(storeId, memberId);
  if (!member) throw new AppError("unauthorized", "Your membership was not found; sign in again");
  return member;
}

async function historyOf(tx: TasksTx, member: Member, settings: ProgramSettings, now: Date) {
  const orders = await tx.orders.listForMember(member.storeId, member.id);
  const completions = await tx.tasks.listForMember(member.storeId, member.id);
  return { completions, history: challengeHistory(member, orders, completions, settings.tiers, NO_REFERRAL_HISTORY, now) };
}

/** Pays the challenge on the history with this completion in it (once per period key: a repeat writes nothing). */
function pay(
  tx: TasksTx,
  storeId: number,
  memberId: string,
  history: ReturnType<typeof challengeHistory>,
  completion: TaskCompletion,
  challenge: Challenge,
  context: { clock: Clock; timeZone: string },
) {
  const completions = [...history.completions.filter((one) => one.id !== completion.id), completion];
  return payDueChallenges(tx, storeId, memberId, { ...history, completions }, [challenge], { ...context, reverse: false });
}

async function closedByLimits(tx: TasksTx, storeId: number, challenge: Challenge, now: Date, timeZone: string): Promise<boolean> {
  if (!hasLimits(challenge)) return false;
  const source = { type: "task", id: challenge.id } as const;
  const total = await tx.ledger.tallyBySource(storeId, source, null);
  const period = await tx.ledger.tallyBySource(storeId, source, limitsPeriodStart(challenge, now, timeZone));
  return limitReached(challenge, { total, period });
}

/** The birthday on the member, refused while a change waits for its year; giving the same day again changes nothing. */
async function saveBirthday(tx: TasksTx, member: Member, birthday: string, now: Date): Promise<Member["game"]> {
  if (!mayChangeBirthday(member.game, birthday, now)) {
    const next = nextBirthdayChange(member.game.birthdaySetAt)!.toISOString();
    throw new AppError("birthday_locked", "A birthday can be changed once a year.", { nextChangeAt: next });
  }
  if (member.game.birthday === birthday) return member.game;
  const game = { ...member.game, birthday, birthdaySetAt: now.toISOString() };
  await tx.members.update(member.storeId, { ...member, game, updatedAt: now.toISOString() });
  return game;
}

/** What a challenge's kind takes: a birthday, an answer, the kind of proof it asks for, or nothing. */
function bodySchemaFor({ goal }: Challenge) {
  if (goal.kind === "birthday") return birthdayTaskSchema;
  if (goal.kind === "survey") return surveyTaskSchema;
  if (goal.kind === "proof") return goal.proof === "link" ? linkProofSchema : photoProofSchema;
  return emptyTaskSchema;
}

/** The image's own first bytes must say what its data URL says: nothing else is ever served back as a photo. */
const SIGNATURES: Record<ProofPhoto["type"], (data: Buffer) => boolean> = {
  "image/jpeg": (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff,
  "image/png": (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/webp": (data) => data.toString("latin1", 0, 4) === "RIFF" && data.toString("latin1", 8, 12) === "WEBP",
};

function decodePhoto(dataUrl: string): ProofPhoto {
  const [, type, base64] = /^data:(image\/(?:jpeg|png|webp));base64,(.*)$/.exec(dataUrl)!;
  const photo = { type: type as ProofPhoto["type"], data: Buffer.from(base64!, "base64") };
  if (photo.data.length > PROOF_PHOTO_BYTES) throw validationFailed([{ path: ["photo"], code: "too_big", message: "The photo is larger than 1 MB." }]);
  if (!SIGNATURES[photo.type](photo.data)) throw validationFailed([{ path: ["photo"], code: "invalid_format", message: "The photo is not a JPEG, PNG or WebP image." }]);
  return photo;
}
