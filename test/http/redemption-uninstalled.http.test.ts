import { afterEach, beforeEach, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { capturedLog } from "../support/captured-log.js";
import { redemptionStore } from "../support/redemption-fixture.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock("2026-03-05T10:00:00Z");
const five = { id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, couponDays: 10 };
let app: TestApp;
let log: ReturnType<typeof capturedLog>;

beforeEach(async () => {
  clock.set("2026-03-05T10:00:00Z");
  log = capturedLog("info");
  app = await startTestApp({ clock, ecwidTimeoutMs: 300, logger: log.logger });
});
afterEach(() => app.close());

it("when a store with a pending redemption and an expired coupon is uninstalled, then each minute's settle pass leaves them waiting, points held, and logs no error", async () => {
  const store = await redemptionStore(app, [five], { points: 1000 });
  expect((await store.redeem("rw_five")).status).toBe(201);
  app.emulator.failNext(2, { kind: "lost-call", on: { method: "POST", path: "/discount_coupons" } });
  const pending = await store.redeem("rw_five");
  expect(pending.status).toBe(202);
  await app.container.installs.uninstall(store.storeId);
  clock.advance(11 * 24 * 60 * 60 * 1000);

  for (let minute = 0; minute < 3; minute++) {
    expect(await app.container.redemptionSettlement.settleAll()).toEqual({ issued: 0, released: 0, waiting: 0, expired: 0, used: 0 });
  }

  expect(log.lines().filter((line) => Number(line.level) >= 50)).toEqual([]);
  expect(await store.redemption(pending.data.redemption.id)).toMatchObject({ status: "pending" });
  expect(await store.ledger()).toMatchObject({ balance: 500 });
});
