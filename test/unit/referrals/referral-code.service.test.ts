import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../../server/lib/clock.js";
import { ReferralCodeService } from "../../../server/modules/referrals/referral-code.service.js";
import { createMemoryStorage } from "../../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../../server/storage/storage.port.js";
import { unitOfWork } from "../../../server/storage/unit-of-work.js";
import { capturedLog } from "../../support/captured-log.js";
import { insertMember } from "../../contract/contract-harness.js";
import { aMemberReferral } from "../../support/referral-fixtures.js";
import { aStoreId } from "../../support/storage-fixtures.js";

let storage: Storage;
beforeEach(async () => {
  storage = await createMemoryStorage();
});
afterEach(() => storage.close());

/** The service with suffixes given in turn, and the log it writes. */
function service(suffixes: string[], codes: Storage["referralCodes"] = storage.referralCodes) {
  const log = capturedLog();
  const codeService = new ReferralCodeService({
    storage: unitOfWork(storage, "members"),
    codes,
    clock: manualClock("2026-03-01T10:00:00Z"),
    logger: log.logger,
    suffix: () => suffixes.shift() ?? "ZZZZ",
  });
  return { codeService, log };
}

describe("issuing referral codes", () => {
  it("when the code drawn is taken in another store, then another is drawn and the member keeps that one", async () => {
    const [storeId, other] = [aStoreId(), aStoreId()];
    await storage.referralCodes.claim("MAYA-7Q2K", other, "mem_other");
    const member = await insertMember(storage, storeId, { email: "maya@example.com" });

    const referral = await service(["7Q2K", "8R3M"]).codeService.ensure(storeId, member);

    expect(referral).toEqual(aMemberReferral({ code: "MAYA-8R3M", createdAt: "2026-03-01T10:00:00.000Z" }));
    expect(await storage.read(storeId, (tx) => tx.members.get(storeId, member.id))).toMatchObject({ referral, updatedAt: "2026-03-01T10:00:00.000Z" });
    expect(await storage.referralCodes.find("MAYA-8R3M")).toEqual({ storeId, memberId: member.id });
    expect(await storage.referralCodes.find("MAYA-7Q2K")).toEqual({ storeId: other, memberId: "mem_other" });
  });

  it("when the member already has a code, then it is theirs and nothing is claimed", async () => {
    const storeId = aStoreId();
    const member = await insertMember(storage, storeId, { referral: aMemberReferral({ code: "ANN-2345" }) });

    expect(await service(["7Q2K"]).codeService.ensure(storeId, member)).toEqual(member.referral);
    expect(await storage.referralCodes.find("ANN-7Q2K")).toBeNull();
  });

  it("when the code index cannot be written, then no code is issued, the member is unchanged, and the reason is logged", async () => {
    const storeId = aStoreId();
    const member = await insertMember(storage, storeId, { email: "maya@example.com" });
    const broken = { ...storage.referralCodes, claim: () => Promise.reject(new Error("disk full")) };
    const { codeService, log } = service(["7Q2K"], broken);

    expect(await codeService.ensure(storeId, member)).toBeNull();

    expect(await storage.read(storeId, (tx) => tx.members.get(storeId, member.id))).toEqual(member);
    expect(log.lines()).toMatchObject([{ msg: "referral code not issued", memberId: member.id }]);
  });
});
