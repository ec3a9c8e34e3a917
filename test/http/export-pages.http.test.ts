import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExportService } from "../../server/modules/exports/export.service.js";
import { unitOfWork } from "../../server/storage/unit-of-work.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;
let reads: number;

/** The app's own export, reading two rows a page, counting its storage reads. */
const smallPages = () => {
  const { storage, settings, installs, clock } = app.container;
  const counted = unitOfWork(storage, "members", "ledger");
  const read: typeof counted.read = (id, work) => ((reads += 1), counted.read(id, work));
  return new ExportService({ storage: { ...counted, read }, settings, installs, clock }, { pageSize: 2 });
};

const collect = async <Row>(rows: AsyncIterable<Row>): Promise<Row[]> => {
  const all: Row[] = [];
  for await (const row of rows) all.push(row);
  return all;
};

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
  const emails = ["a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com"];
  for (const [i, email] of emails.entries()) {
    const order = app.emulator.putOrder(storeId, { email, subtotal: 10 + i, total: 10 + i, paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  }
  await app.worker.drain();
  reads = 0;
});
afterEach(() => app.close());

describe("exports read a page at a time", () => {
  it("when a store has five members and entries and a page holds two, then every row comes once, in order, over three reads each", async () => {
    const exports = smallPages();

    const members = await collect((await exports.members(storeId)).rows);
    const membersReads = reads;
    const ledger = await collect((await exports.ledger(storeId)).rows);

    expect(members.map((row) => [row.email, row.balance_points])).toEqual([
      ["a@example.com", 10],
      ["b@example.com", 11],
      ["c@example.com", 12],
      ["d@example.com", 13],
      ["e@example.com", 14],
    ]);
    expect(ledger.map((row) => [row.email, row.points])).toEqual(members.map((row) => [row.email, row.balance_points]));
    expect(new Set(ledger.map((row) => row.entry_id)).size).toBe(5);
    expect(membersReads).toBe(3);
    expect(reads - membersReads).toBe(3);
  });

  it("when the writer stops asking after the first row, then no further page is read", async () => {
    const exports = smallPages();
    const rows = (await exports.ledger(storeId)).rows[Symbol.asyncIterator]();

    expect((await rows.next()).done).toBe(false);
    await rows.return?.();

    expect(reads).toBe(1);
  });

  it("when an export of the store is running, then a second one is refused with 429 and Retry-After, and the next one after it answers", async () => {
    const token = await app.adminToken(storeId);
    let release = () => {};
    const running = app.container.exports.exclusive(storeId, () => new Promise<void>((resolve) => (release = resolve)));

    const refused = await app.http.get("/api/admin/export/ledger.csv", bearer(token));
    release();
    await running;
    const after = await app.http.get("/api/admin/export/members.csv", { ...bearer(token), responseType: "text" });

    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(refused.data.code).toBe("rate_limited");
    expect(after.status).toBe(200);
    expect(after.data.split("\n")).toHaveLength(7);
  });
});
