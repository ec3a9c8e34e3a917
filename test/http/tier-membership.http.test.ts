import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { saveProgram } from "../support/program-save.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;

const CLUB_PASS = 7001;
const TIERS = [
  { id: "tr_silver", name: "Silver", threshold: 20_000 },
  { id: "tr_club", name: "Club", threshold: 100_000_000, inviteOnly: true, multiplierPercent: 200 },
];

beforeEach(async () => {
  clock.set("2026-03-01T10:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, timeZone: "Europe/Amsterdam" }));
  await saveProgram(app, storeId, { tiers: TIERS, memberships: [{ id: "ms_club", productId: CLUB_PASS, tierId: "tr_club", months: 12 }] });
});
afterEach(() => app.close());

async function send(orderId: string, eventType: "order.created" | "order.updated") {
  expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) })).status).toBe(200);
  await app.worker.drain();
}
const buyPass = async () => {
  const order = app.emulator.putOrder(storeId, {
    email: "ana@example.com",
    paymentStatus: "PAID",
    createDate: clock.now(),
    items: [{ name: "Club pass", price: 49, productId: CLUB_PASS }],
  });
  await send(order.id, "order.created");
  return order;
};
const member = () => app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, "ana@example.com"));
const changes = async () => {
  const found = (await member())!;
  const list = await app.container.storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, found.id, 20));
  return list.map((change) => [change.reason, change.fromTierId, change.toTierId]).reverse();
};

describe("a paid membership through signed webhooks", () => {
  it("when a shopper buys the club pass, renews it and the renewal is refunded, then the tier is granted, extended, and ended back to the first year", async () => {
    await buyPass();
    expect((await member())?.tier?.paid).toMatchObject({ tierId: "tr_club", until: "2027-02-28T23:00:00.000Z" });

    clock.set("2027-02-01T10:00:00Z");
    const renewal = await buyPass();
    expect((await member())?.tier?.paid?.until).toBe("2028-02-29T23:00:00.000Z");

    app.emulator.refundOrder(storeId, renewal.id, 49);
    await send(renewal.id, "order.updated");
    expect((await member())?.tier?.paid?.until).toBe("2027-02-28T23:00:00.000Z");
    expect(await changes()).toEqual([
      ["bought", null, "tr_club"],
      ["renewed", "tr_club", "tr_club"],
      ["refunded", "tr_club", "tr_club"],
    ]);
  });

  it("when the only pass is refunded, then the paid tier ends and the member is back to what they earned; a pass left to run out expires at its end by the review job", async () => {
    const first = await buyPass();
    app.emulator.refundOrder(storeId, first.id, 49);
    await send(first.id, "order.updated");
    expect((await member())?.tier?.paid).toBeNull();

    clock.set("2026-04-01T10:00:00Z");
    await buyPass();
    clock.set("2027-04-01T00:00:00Z");
    await app.container.tierReviews.reviewStore(storeId);
    expect((await member())?.tier?.paid).toBeNull();
    expect((await changes()).slice(-2)).toEqual([
      ["bought", null, "tr_club"],
      ["expired", "tr_club", null],
    ]);
  });
});
