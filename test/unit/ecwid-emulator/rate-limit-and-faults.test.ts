import { describe, expect, it } from "vitest";
import { manualClock } from "../../../server/lib/clock.js";
import { bearer, startEmulator } from "./emulator-fixture.js";

describe("rate limit", () => {
  it("when a token reaches its per-minute limit, then the next call gets 429 RATE_LIMITED with Retry-After", async () => {
    const clock = manualClock();
    const { emulator, http } = await startEmulator({ rateLimitPerMinute: 3, now: clock.now });
    const store = emulator.addStore({ storeId: 1003 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await http.get("/api/v3/1003/profile", bearer(store.accessToken))).status);
      clock.advance(10_000);
    }

    const limited = await http.get("/api/v3/1003/profile", bearer(store.accessToken));

    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.data.errorCode).toBe("RATE_LIMITED");
    expect(limited.headers["retry-after"]).toBe("30");
  });

  it("when the oldest call leaves the rolling minute, then the token may call again", async () => {
    const clock = manualClock();
    const { emulator, http } = await startEmulator({ rateLimitPerMinute: 1, now: clock.now });
    const store = emulator.addStore({ storeId: 1003 });
    await http.get("/api/v3/1003/profile", bearer(store.accessToken));
    const limited = await http.get("/api/v3/1003/profile", bearer(store.accessToken));

    clock.advance(Number(limited.headers["retry-after"]) * 1000);

    expect((await http.get("/api/v3/1003/profile", bearer(store.accessToken))).status).toBe(200);
  });

  it("when one token is limited, then another store's token is not", async () => {
    const { emulator, http } = await startEmulator({ rateLimitPerMinute: 1 });
    const first = emulator.addStore({ storeId: 1003 });
    const second = emulator.addStore({ storeId: 2004 });
    await http.get("/api/v3/1003/profile", bearer(first.accessToken));

    expect((await http.get("/api/v3/1003/profile", bearer(first.accessToken))).status).toBe(429);
    expect((await http.get("/api/v3/2004/profile", bearer(second.accessToken))).status).toBe(200);
  });

  it("when the limit is null, then no call is ever limited", async () => {
    const { emulator, http } = await startEmulator({ rateLimitPerMinute: null });
    const store = emulator.addStore({ storeId: 1003 });

    const statuses = await Promise.all(Array.from({ length: 20 }, () => http.get("/api/v3/1003/profile", bearer(store.accessToken))));

    expect(statuses.every((r) => r.status === 200)).toBe(true);
  });
});

describe("failNext", () => {
  it("when two 503s are queued, then exactly the next two REST calls fail and the third succeeds", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(2, { status: 503, retryAfter: 7 });

    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await http.get("/api/v3/1003/orders", bearer(store.accessToken)));

    expect(results.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(results[0]?.headers["retry-after"]).toBe("7");
    expect(results[0]?.data.errorMessage).toBeTypeOf("string");
  });

  it("when a 429 is queued without retryAfter, then it still carries Retry-After as Ecwid always does", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { status: 429 });

    const res = await http.get("/api/v3/1003/orders", bearer(store.accessToken));

    expect(res.status).toBe(429);
    expect(res.data.errorCode).toBe("RATE_LIMITED");
    expect(res.headers["retry-after"]).toBe("1");
  });

  it("when a 500 is queued, then the OAuth endpoints are not affected and the next REST call fails", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { status: 500 });

    const oauth = await http.get("/api/oauth/token", { params: { grant_type: "authorization_code" } });
    const rest = await http.get("/api/v3/1003/orders", bearer(store.accessToken));

    expect(oauth.status).toBe(400);
    expect(rest.status).toBe(500);
    expect(rest.data.errorCode).toBe("INTERNAL_ERROR");
  });
});

describe("transport faults", () => {
  it("when a hang is queued, then the call is held unanswered past the caller's timeout, and the next call is answered", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { kind: "hang" });

    const held = http.get("/api/v3/1003/profile", { ...bearer(store.accessToken), timeout: 200 });

    await expect(held).rejects.toMatchObject({ code: "ECONNABORTED" });
    expect((await http.get("/api/v3/1003/profile", bearer(store.accessToken))).status).toBe(200);
    expect(emulator.faultsLeft()).toBe(0);
  });

  it("when a short hang is queued, then the call is answered normally once it has passed", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { kind: "hang", ms: 20 });

    const res = await http.get("/api/v3/1003/profile", bearer(store.accessToken));

    expect(res.status).toBe(200);
    expect(res.data.generalInfo.storeId).toBe(1003);
  });

  it("when a reset is queued, then the connection is dropped without an answer", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { kind: "reset" });

    await expect(http.get("/api/v3/1003/profile", bearer(store.accessToken))).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE/) });
    expect((await http.get("/api/v3/1003/profile", bearer(store.accessToken))).status).toBe(200);
  });

  it("when malformed JSON is queued, then the call gets 200 with a JSON content type and a body that does not parse", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { kind: "malformed-json" });

    const res = await http.get("/api/v3/1003/orders", { ...bearer(store.accessToken), responseType: "text" });

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(() => JSON.parse(res.data as string)).toThrow(SyntaxError);
  });
});

describe("faults aimed at one call", () => {
  const coupon = { name: "Reward", code: "QL-AIMED", discountType: "ABS", discount: 5 };
  const onCreate = { method: "POST", path: "/discount_coupons" };

  it("when a 409 waits for POST /discount_coupons, then other calls pass and the create gets 409 CONSTRAINT_VIOLATION, making nothing", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { status: 409, on: onCreate });

    const other = await http.get("/api/v3/1003/discount_coupons", bearer(store.accessToken));
    const created = await http.post("/api/v3/1003/discount_coupons", coupon, bearer(store.accessToken));

    expect(other.status).toBe(200);
    expect(created.status).toBe(409);
    expect(created.data.errorCode).toBe("CONSTRAINT_VIOLATION");
    expect(emulator.getCoupons(1003)).toEqual([]);
    expect(emulator.faultsLeft()).toBe(0);
  });

  it("when the answer of a create is lost, then the caller times out and the coupon exists", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { kind: "lost-answer", on: onCreate });

    const call = http.post("/api/v3/1003/discount_coupons", coupon, { ...bearer(store.accessToken), timeout: 200 });

    await expect(call).rejects.toMatchObject({ code: "ECONNABORTED" });
    expect(emulator.getCoupons(1003)).toMatchObject([{ code: "QL-AIMED", discount: 5 }]);
  });

  it("when a create call is lost, then the caller times out and no coupon exists, even later", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.failNext(1, { kind: "lost-call", ms: 300, on: onCreate });

    const call = http.post("/api/v3/1003/discount_coupons", coupon, { ...bearer(store.accessToken), timeout: 100 });

    await expect(call).rejects.toMatchObject({ code: "ECONNABORTED" });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(emulator.getCoupons(1003)).toEqual([]);
  });
});
