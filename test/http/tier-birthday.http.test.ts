import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { freshGame } from "../../server/modules/members/member.js";
import type { MemberTier } from "../../server/modules/tiers/member-tier.js";
import { insertMember } from "../contract/contract-harness.js";
import { booksFor } from "../support/books.js";
import { saveProgram } from "../support/program-save.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { assignedTier, setMemberTier } from "../support/tier-holding.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;

// Invitation-only, so members hold them only as assigned here, whatever their spend.
const TIERS = [
  { id: "tr_gold", name: "Gold", threshold: 1_000_000, inviteOnly: true, birthdayPoints: 200 },
  { id: "tr_plat", name: "Platinum", threshold: 2_000_000, inviteOnly: true, birthdayPoints: 500 },
];

beforeEach(async () => {
  clock.set("2026-12-10T12:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, timeZone: "Europe/Amsterdam" }));
});
afterEach(() => app.close());

const birthdayMember = (email: string, tier: MemberTier | null) => insertMember(app.container.storage, storeId, { email, tier, game: { ...freshGame(), birthday: "12-11" } });

const entriesOf = async (email: string) =>
  (await booksFor(app.container.storage, storeId, email)).entries.map((entry) => [entry.kind, entry.delta, entry.source.id, entry.idempotencyKey]);

describe("a tier's birthday points", () => {
  it("when a Gold member's birthday comes in the store's time zone, then Gold's points are paid once that year beside the birthday challenge, and the next year at the tier then held", async () => {
    await saveProgram(app, storeId, { tiers: TIERS, challenges: [{ id: "ch_bday", title: "Birthday", points: 25, goal: { kind: "birthday", yearlyPoints: 100 } }] });
    const member = await birthdayMember("ana@example.com", assignedTier("tr_gold"));

    // 22:59 UTC on Dec 10 is still Dec 10 in Amsterdam; 23:00 is Dec 11 there.
    clock.set("2026-12-10T22:59:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 0, points: 0 });
    clock.set("2026-12-10T23:00:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 1, points: 300 });
    // Later that day, even after a move to Platinum: the year's tier birthday points were paid.
    await setMemberTier(app.container.storage, storeId, "ana@example.com", assignedTier("tr_plat"));
    clock.set("2026-12-11T20:00:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 0, points: 0 });
    expect(await entriesOf("ana@example.com")).toEqual([
      ["earn_task", 100, "ch_bday", `birthday:ch_bday:${member.id}:2026`],
      ["earn_tier", 200, "tr_gold", `birthday-tier:${member.id}:2026`],
    ]);

    clock.set("2027-12-11T09:00:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 1, points: 600 });
    const books = await booksFor(app.container.storage, storeId, "ana@example.com");
    expect(books.entries.at(-1)).toMatchObject({ kind: "earn_tier", delta: 500, basis: { tierId: "tr_plat", tierName: "Platinum", points: 500, year: 2027 } });
    expect([books.balance, books.summed]).toEqual([900, 900]);
  });

  it("when no birthday challenge runs, then tiers still pay their birthday points; a member with no tier, or a tier that pays none, gets nothing", async () => {
    await saveProgram(app, storeId, { tiers: [...TIERS, { id: "tr_bronze", name: "Bronze", threshold: 500_000, inviteOnly: true, birthdayPoints: 0 }] });
    await birthdayMember("gold@example.com", assignedTier("tr_gold"));
    await birthdayMember("none@example.com", null);
    await birthdayMember("bronze@example.com", assignedTier("tr_bronze"));

    clock.set("2026-12-11T09:00:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 1, points: 200 });
    expect(await entriesOf("none@example.com")).toEqual([]);
    expect(await entriesOf("bronze@example.com")).toEqual([]);
  });
});
