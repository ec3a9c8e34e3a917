import axios from "axios";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EcwidClient } from "../../server/ecwid/ecwid-client.js";
import type { EcwidCouponInput } from "../../server/ecwid/wire-types.js";
import { createEcwidEmulator, type EcwidEmulator } from "../../server/ecwid-emulator/index.js";

let emulator: EcwidEmulator;
let running: { url: string; close(): Promise<void> };

const client = (timeoutMs = 5_000) =>
  new EcwidClient({ apiUrl: `${running.url}/api/v3`, logger: pino({ level: "silent" }), sleep: async () => {}, transport: axios.create({ timeout: timeoutMs }) });

const coupon = (code: string): EcwidCouponInput => ({
  name: "5 off",
  code,
  discountType: "ABS",
  status: "ACTIVE",
  discount: 5,
  expirationDate: "2030-01-31 10:00:00 +0000",
  totalLimit: 0,
  usesLimit: "SINGLE",
  applicationLimit: "UNLIMITED",
  catalogLimit: { products: [], categories: [] },
});
const onCreate = { method: "POST", path: "/discount_coupons" };

beforeEach(async () => {
  emulator = createEcwidEmulator({ clientId: "c", clientSecret: "client-secret-0123456789", rateLimitPerMinute: null });
  running = await emulator.listen(0);
});
afterEach(() => running.close());

describe("Ecwid coupons through the client", () => {
  it("when a coupon is made, then Ecwid holds it with every field sent and the client answers its id", async () => {
    const store = emulator.addStore();
    const made = await client().createCoupon(store.storeId, store.accessToken, { ...coupon("QL-ABCDEFGHJK"), catalogLimit: { products: [7], categories: [9] } });
    expect(made).toEqual({ outcome: "created", id: expect.any(Number) });
    expect(emulator.getCoupons(store.storeId)).toMatchObject([
      { code: "QL-ABCDEFGHJK", discount: 5, usesLimit: "SINGLE", expirationDate: "2030-01-31 10:00:00 +0000", catalogLimit: { products: [7], categories: [9] } },
    ]);
  });

  it("when the code is taken, then the client says duplicate (409) rather than throwing", async () => {
    const store = emulator.addStore();
    emulator.putCoupon(store.storeId, { code: "QL-TAKEN" });
    expect(await client().createCoupon(store.storeId, store.accessToken, coupon("QL-TAKEN"))).toEqual({ outcome: "duplicate" });
  });

  it("when the first attempt lands but its answer is lost, then the retry meets 409: duplicate, and the lookup finds the one coupon", async () => {
    const store = emulator.addStore();
    emulator.failNext(1, { kind: "lost-answer", on: onCreate });
    const ecwid = client(200);
    expect(await ecwid.createCoupon(store.storeId, store.accessToken, coupon("QL-LANDED"))).toEqual({ outcome: "duplicate" });
    expect(await ecwid.findCouponByCode(store.storeId, store.accessToken, "QL-LANDED")).toMatchObject({ code: "QL-LANDED" });
    expect(emulator.getCoupons(store.storeId)).toHaveLength(1);
  });

  it("when Ecwid answers 500 twice, then the outcome is unknown after one retry; a definite 400 is refused at once", async () => {
    const store = emulator.addStore();
    emulator.failNext(2, { status: 500, on: onCreate });
    expect(await client().createCoupon(store.storeId, store.accessToken, coupon("QL-FIVEHUNDRED"))).toMatchObject({ outcome: "unknown" });
    const refused = await client().createCoupon(store.storeId, store.accessToken, { ...coupon("QL-BAD"), expirationDate: "soon" });
    expect(refused).toMatchObject({ outcome: "refused", status: 400, mayHaveLanded: false });
    expect(emulator.requests.filter((request) => request.method === "POST")).toHaveLength(3);
  });

  it("when a definite 4xx follows a failed attempt, then it is refused but may have landed, so the caller looks the code up", async () => {
    const store = emulator.addStore();
    emulator.failNext(1, { status: 500, on: onCreate });
    const refused = await client().createCoupon(store.storeId, store.accessToken, { ...coupon("QL-AFTER"), expirationDate: "soon" });
    expect(refused).toMatchObject({ outcome: "refused", status: 400, mayHaveLanded: true });
  });

  it("when the search by code matches others, then only the exact, case-sensitive code counts; none found is null", async () => {
    const store = emulator.addStore();
    emulator.putCoupon(store.storeId, { code: "QL-ABC1" });
    emulator.putCoupon(store.storeId, { code: "QL-ABC12" });
    const ecwid = client();
    expect(await ecwid.findCouponByCode(store.storeId, store.accessToken, "QL-ABC1")).toMatchObject({ code: "QL-ABC1" });
    expect(await ecwid.findCouponByCode(store.storeId, store.accessToken, "ql-abc1")).toBeNull();
    expect(await ecwid.findCouponByCode(store.storeId, store.accessToken, "QL-NONE")).toBeNull();
  });

  it("when a coupon is deleted, then it is gone, and deleting it again is fine", async () => {
    const store = emulator.addStore();
    emulator.putCoupon(store.storeId, { code: "QL-GONE" });
    const ecwid = client();
    expect(await ecwid.deleteCoupon(store.storeId, store.accessToken, "QL-GONE")).toBe("deleted");
    expect(await ecwid.deleteCoupon(store.storeId, store.accessToken, "QL-GONE")).toBe("absent");
    expect(emulator.getCoupons(store.storeId)).toEqual([]);
  });
});
