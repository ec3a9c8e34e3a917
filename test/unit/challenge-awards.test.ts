import { NO_REFERRAL_HISTORY } from "../../server/modules/program/challenge-history.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { payDueChallenges } from "../../server/modules/program/challenge-awards.js";
import type { ChallengeHistory } from "../../server/modules/program/challenge-progress.rules.js";
import { challengeSchema } from "../../server/modules/settings/program-settings.js";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { insertMember } from "../contract/contract-harness.js";
import { aCompletion } from "../support/storage-fixtures.js";

const clock = manualClock("2026-12-10T12:00:00Z");
const storeId = 77;
let storage: Storage;
beforeEach(async () => {
  storage = await createMemoryStorage();
});
afterEach(() => storage.close());

const visit = (input: Record<string, unknown> = {}) =>
  challengeSchema.parse({ id: "ch_visit", title: "Visit", points: 100, badgeIds: [], goal: { kind: "visit", url: "https://example.com/" }, ...input });
const visited = (memberId: string): ChallengeHistory => ({
  orders: [],
  completions: [aCompletion(storeId, memberId, { completedAt: "2026-12-10T11:00:00Z" })],
  member: { createdAt: "2026-01-01T00:00:00Z", birthday: null, tierId: null },
  referrals: NO_REFERRAL_HISTORY,
});
const context = { clock, timeZone: "UTC", reverse: false };

async function pay(memberId: string, challenge: ReturnType<typeof visit>) {
  return storage.transaction(storeId, (tx) => payDueChallenges(tx, storeId, memberId, visited(memberId), [challenge], context));
}

describe("paying challenges", () => {
  it("when a shopper task is done, then it pays once with its badges named; asked again, nothing more", async () => {
    const member = await insertMember(storage, storeId);
    expect(await pay(member.id, visit({ badgeIds: ["bd_a"] }))).toEqual({ challenges: 1, points: 100, reversed: 0, reversedPoints: 0, badgeIds: ["bd_a"], rewardIds: [] });
    expect(await pay(member.id, visit({ badgeIds: ["bd_a"] }))).toMatchObject({ challenges: 0, points: 0, badgeIds: [] });
    const entry = await storage.read(storeId, (tx) => tx.ledger.findByKey(storeId, `task:ch_visit:${member.id}:once`));
    expect(entry).toMatchObject({ kind: "earn_task", delta: 100, basis: { challengeId: "ch_visit", periodKey: "once", points: 100 } });
  });

  it("when a challenge is a draft, ended by hand, or the member is outside its audience, then it pays nothing", async () => {
    const member = await insertMember(storage, storeId);
    expect((await pay(member.id, visit({ status: "draft" }))).challenges).toBe(0);
    expect((await pay(member.id, visit({ status: "ended" }))).challenges).toBe(0);
    expect((await pay(member.id, visit({ audience: { kind: "tier", tierIds: ["tr_gold"] } }))).challenges).toBe(0);
  });

  it("when the budget in all would be passed by one more payout, then the next member is paid nothing", async () => {
    const [ana, bo] = [await insertMember(storage, storeId), await insertMember(storage, storeId)];
    const budgeted = visit({ limits: { totalPoints: 150 } });
    expect((await pay(ana.id, budgeted)).points).toBe(100);
    expect((await pay(bo.id, budgeted)).points).toBe(0);
    expect(await storage.read(storeId, (tx) => tx.ledger.balance(storeId, bo.id))).toBe(0);
  });
});
