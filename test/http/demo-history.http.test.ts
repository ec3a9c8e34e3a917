import axios from "axios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import type { Overview } from "../../server/modules/insights/overview-schema.js";
import { startDemoApp, type RunningDemoApp } from "../support/demo-app.js";

const DAY_MS = 86_400_000;

let app: RunningDemoApp;
beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(() => app?.close());

const placedAt = (order: { createTimestamp?: number }) => new Date(order.createTimestamp! * 1000).toISOString();
const paidOrders = () => app.emulator.getOrders(DEMO_STORE_ID).filter((order) => order.paymentStatus === "PAID" || order.paymentStatus === "PARTIALLY_REFUNDED");

/** When a row was last written and a tier last reviewed: a restart looks at every order again, as a late webhook would. */
const LOOKED_AT = new Set(["updatedAt", "reviewedAt"]);

/** Every member and their ledger entries, without the times they were last looked at. */
async function books() {
  const members = await app.container.storage.read(DEMO_STORE_ID, async (tx) => {
    const { items } = await tx.members.list(DEMO_STORE_ID, { limit: 100, offset: 0 });
    return Promise.all(items.map(async (member) => ({ member, entries: (await tx.ledger.listForMember(DEMO_STORE_ID, member.id, { limit: 100, offset: 0 })).items })));
  });
  return JSON.parse(JSON.stringify(members, (key, value: unknown) => (LOOKED_AT.has(key) ? undefined : value)));
}

async function overview(from: string, to: string): Promise<Overview> {
  const http = axios.create({ baseURL: app.baseUrl });
  const session = await http.post("/api/admin/session", { storeId: DEMO_STORE_ID, accessToken: await app.container.installs.accessToken(DEMO_STORE_ID) });
  return (await http.get("/api/admin/insights/overview", { params: { from, to }, headers: { Authorization: `Bearer ${session.data.token}` } })).data;
}

describe("the demo shop's history", () => {
  it("when demo mode starts, then each seeded order's points are booked when it was placed, and each member joined with their first order", async () => {
    const orders = app.emulator.getOrders(DEMO_STORE_ID);
    const earned = await app.container.storage.read(DEMO_STORE_ID, (tx) =>
      Promise.all(paidOrders().map(async (order) => ({ order: order.id, entries: await tx.ledger.listBySource(DEMO_STORE_ID, { type: "order", id: order.id }) }))),
    );
    const members = await app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.list(DEMO_STORE_ID, { limit: 100, offset: 0 }));

    expect(earned.map(({ order, entries }) => ({ order, booked: entries.map(({ kind, createdAt }) => ({ kind, createdAt })) }))).toEqual(
      paidOrders().map((order) => ({ order: order.id, booked: [{ kind: "earn_order", createdAt: placedAt(order) }] })),
    );
    const firstOrderOf = (email: string | null) =>
      orders
        .filter((order) => order.email === email)
        .map(placedAt)
        .sort()[0];
    expect(members.items).toHaveLength(new Set(orders.map((order) => order.email)).size);
    expect(members.items.map(({ email, createdAt }) => ({ email, createdAt }))).toEqual(members.items.map(({ email }) => ({ email, createdAt: firstOrderOf(email) })));
  });

  it("when the merchant asks the overview of the last 90 days, then points were issued on each day an order was paid and members joined on several days, not all today", async () => {
    const today = new Date();
    const report = await overview(new Date(today.getTime() - 89 * DAY_MS).toISOString().slice(0, 10), today.toISOString().slice(0, 10));

    const dayOf = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: report.range.timeZone }).format(new Date(iso));
    const daysWith = (series: number[]) => report.range.labels.filter((_, index) => series[index]! > 0);
    const paidDays = [...new Set(paidOrders().map((order) => dayOf(placedAt(order))))].sort();
    expect(paidDays.length).toBeGreaterThan(1);
    expect(daysWith(report.series.issued)).toEqual(paidDays);
    expect(daysWith(report.series.joined).length).toBeGreaterThan(1);
    expect(report.members.joined).toBe(report.members.total);
  });

  it("when demo mode starts again over the same data, then the books do not change", async () => {
    const before = await books();

    await app.startAgain();

    expect(await books()).toEqual(before);
  });
});
