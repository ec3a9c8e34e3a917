import { describe, expect, it } from "vitest";
import { ReferralClickCounter, type CountedVisit } from "../../../server/modules/referrals/referral-click-counter.js";
import { VisitorMemory } from "../../../server/modules/referrals/visitor-memory.js";
import { createMemoryStorage } from "../../../server/storage/lowdb/lowdb-storage.js";
import { unitOfWork } from "../../../server/storage/unit-of-work.js";
import type { UnitOfWork } from "../../../server/storage/storage.port.js";
import { capturedLog } from "../../support/captured-log.js";
import { aMemberReferral } from "../../support/referral-fixtures.js";
import { aMember, aStoreId } from "../../support/storage-fixtures.js";

const visitor = { network: "203.0.113.7", userAgent: "Mozilla/5.0 Firefox/128.0", code: "MAYA-7Q2K" };

describe("who visited a code today", () => {
  it("when the same visitor follows the same code twice a day, then only the first counts; the next day counts again", () => {
    const memory = new VisitorMemory();
    expect(memory.firstToday(visitor, "2027-03-01")).toBe(true);
    expect(memory.firstToday(visitor, "2027-03-01")).toBe(false);
    expect(memory.firstToday({ ...visitor, code: "TOM-2345" }, "2027-03-01")).toBe(true);
    expect(memory.firstToday({ ...visitor, userAgent: "Mozilla/5.0 Safari/605" }, "2027-03-01")).toBe(true);
    expect(memory.firstToday(visitor, "2027-03-02")).toBe(true);
  });

  it("when more visitors come than it holds, then it keeps only the most recent and never grows past its size", () => {
    const memory = new VisitorMemory(3);
    for (const network of ["a", "b", "c", "d"]) memory.firstToday({ ...visitor, network }, "2027-03-01");
    expect(memory.size).toBe(3);
    expect(memory.firstToday({ ...visitor, network: "d" }, "2027-03-01")).toBe(false);
    expect(memory.firstToday({ ...visitor, network: "a" }, "2027-03-01")).toBe(true);
  });
});

describe("counted visits written in batches", () => {
  const visit = (storeId: number, memberId: string, overrides: Partial<CountedVisit> = {}): CountedVisit => ({
    storeId,
    memberId,
    code: "MAYA-7Q2K",
    channel: "whatsapp",
    adClick: false,
    couponSite: false,
    at: new Date("2027-03-01T10:00:00Z"),
    ...overrides,
  });
  const TABLES = ["members", "orders", "referrals", "ledger", "redemptions", "settings", "webhooks"] as const;
  type Tables = (typeof TABLES)[number];
  /** The counter, recording whom it asked to pay a share challenge. */
  function counterOn(storage: UnitOfWork<Tables>, logger = capturedLog().logger) {
    const shared: string[][] = [];
    const counter = new ReferralClickCounter({ storage, payShares: async (_tx, _storeId, memberIds) => void shared.push(memberIds), logger });
    return { counter, shared };
  }

  async function withAmbassador() {
    const storage = await createMemoryStorage();
    const storeId = aStoreId();
    const member = aMember(storeId, { referral: aMemberReferral({ clicks: { whatsapp: 2 }, adClicks: 1 }) });
    await storage.transaction(storeId, (tx) => tx.members.insert(storeId, member));
    const referralOf = async () => (await storage.read(storeId, (tx) => tx.members.get(storeId, member.id)))?.referral;
    return { storage, storeId, member, referralOf };
  }

  it("when visits are added and flushed, then the member's counters grow by channel, ad clicks and coupon-site clicks", async () => {
    const { storage, storeId, member, referralOf } = await withAmbassador();
    const { counter } = counterOn(unitOfWork(storage, ...TABLES));
    counter.add(visit(storeId, member.id));
    counter.add(visit(storeId, member.id, { channel: "qr", adClick: true }));
    counter.add(visit(storeId, member.id, { channel: "qr", couponSite: true }));
    expect((await referralOf())?.clicks).toEqual({ whatsapp: 2 });

    await counter.flush();
    expect(await referralOf()).toMatchObject({ clicks: { whatsapp: 3, qr: 2 }, adClicks: 2, couponSiteClicks: 1 });
    await counter.flush();
    expect((await referralOf())?.clicks).toEqual({ whatsapp: 3, qr: 2 });
    await storage.close();
  });

  it("when the member's code changed since the visit, then those clicks are dropped, not given to the new code", async () => {
    const { storage, storeId, member, referralOf } = await withAmbassador();
    const { counter } = counterOn(unitOfWork(storage, ...TABLES));
    counter.add(visit(storeId, member.id, { code: "OLD-2345" }));
    await counter.flush();
    expect((await referralOf())?.clicks).toEqual({ whatsapp: 2 });
    await storage.close();
  });

  it("when writing fails, then the counts are kept and written by the next flush", async () => {
    const { storage, storeId, member, referralOf } = await withAmbassador();
    let failing = true;
    const members = unitOfWork(storage, ...TABLES);
    const flaky: UnitOfWork<Tables> = {
      read: members.read,
      transaction: (id, work) => (failing ? Promise.reject(new Error("disk full")) : members.transaction(id, work)),
    };
    const log = capturedLog();
    const { counter } = counterOn(flaky, log.logger);
    counter.add(visit(storeId, member.id, { adClick: true }));
    await counter.flush();
    counter.add(visit(storeId, member.id));
    failing = false;
    await counter.flush();
    expect(await referralOf()).toMatchObject({ clicks: { whatsapp: 4 }, adClicks: 2 });
    expect(log.lines().some((line) => String(line.msg).includes("tried again"))).toBe(true);
    await storage.close();
  });

  it("when a link is opened for the first time, then the earliest visit is kept as its share and the ambassador's share challenges are paid once", async () => {
    const { storage, storeId, member, referralOf } = await withAmbassador();
    const { counter, shared } = counterOn(unitOfWork(storage, ...TABLES));
    counter.add(visit(storeId, member.id, { at: new Date("2027-03-01T10:05:00Z") }));
    counter.add(visit(storeId, member.id, { at: new Date("2027-03-01T10:01:00Z") }));
    await counter.flush();
    expect((await referralOf())?.firstVisitAt).toBe("2027-03-01T10:01:00.000Z");
    expect(shared).toEqual([[member.id]]);

    counter.add(visit(storeId, member.id, { at: new Date("2027-03-02T09:00:00Z") }));
    await counter.flush();
    expect((await referralOf())?.firstVisitAt).toBe("2027-03-01T10:01:00.000Z");
    expect(shared).toEqual([[member.id]]);
    await storage.close();
  });
});
