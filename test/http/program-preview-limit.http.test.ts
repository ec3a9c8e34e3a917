import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

/**
 * Storage whose next read of one store waits at a gate until it is opened, so a preview stays in flight for as
 * long as the test likes; `reached` resolves once that read is waiting there.
 */
function gatedStorage(inner: Storage) {
  let shut: { storeId: number; open: Promise<void>; entered: () => void } | null = null;
  const storage: Storage = Object.create(inner, {
    read: {
      value: async (storeId: number, work: Parameters<Storage["read"]>[1]) => {
        const gate = shut;
        if (gate?.storeId === storeId) {
          shut = null;
          gate.entered();
          await gate.open;
        }
        return inner.read(storeId, work);
      },
    },
  });
  return {
    storage,
    shut(storeId: number) {
      let open!: () => void;
      let entered!: () => void;
      const reached = new Promise<void>((resolve) => (entered = resolve));
      shut = { storeId, open: new Promise<void>((resolve) => (open = resolve)), entered };
      return {
        reached,
        open,
      };
    },
  };
}

const proposal = { challenge: { id: "ch_two", title: "Two orders", points: 25, goal: { kind: "orders", target: 2 } } };

describe("previews of a program change", () => {
  let app: TestApp;
  let gate: ReturnType<typeof gatedStorage>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "questline-preview-"));
    gate = gatedStorage(await createLowdbStorage({ dataDir }));
    app = await startTestApp({ storage: gate.storage });
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("when a store asks for a second preview while its first is still measuring, then the second is refused with 429 and Retry-After, and another store's preview is answered", async () => {
    const { storeId } = await app.installStore();
    const other = await app.installStore();
    const auth = bearer(await app.adminToken(storeId));
    const otherAuth = bearer(await app.adminToken(other.storeId));

    const held = gate.shut(storeId);
    const first = app.http.post("/api/admin/program/preview", proposal, auth);
    await held.reached;
    const second = await app.http.post("/api/admin/program/preview", proposal, auth);
    expect(second.status).toBe(429);
    expect(second.data.code).toBe("rate_limited");
    expect(second.headers["retry-after"]).toBe("1");
    const elsewhere = await app.http.post("/api/admin/program/preview", proposal, otherAuth);
    expect(elsewhere.status).toBe(200);

    held.open();
    expect((await first).data).toEqual({ members: 0, points: 0, measured: 0 });
    const again = await app.http.post("/api/admin/program/preview", proposal, auth);
    expect(again.status).toBe(200);
  });

  it("when a preview's proposal is refused, then the store may preview again at once", async () => {
    const { storeId } = await app.installStore();
    const auth = bearer(await app.adminToken(storeId));
    expect((await app.http.post("/api/admin/program/preview", { challenge: { id: "ch_bad" } }, auth)).status).toBe(400);
    expect((await app.http.post("/api/admin/program/preview", proposal, auth)).status).toBe(200);
  });

  it("when a store asks for a second tier preview while its first is still measuring, then the second is refused with 429, and another store's is answered", async () => {
    const { storeId } = await app.installStore();
    const other = await app.installStore();
    const ladder = { tiers: [{ id: "tr_gold", name: "Gold", threshold: 50_000 }], tierRules: { metric: "spend", window: "lifetime", graceDays: 0 } };
    const auth = bearer(await app.adminToken(storeId));

    const held = gate.shut(storeId);
    const first = app.http.post("/api/admin/program/tiers/preview", ladder, auth);
    await held.reached;
    const second = await app.http.post("/api/admin/program/tiers/preview", ladder, auth);
    expect(second.status).toBe(429);
    expect(second.headers["retry-after"]).toBe("1");
    expect((await app.http.post("/api/admin/program/tiers/preview", ladder, bearer(await app.adminToken(other.storeId)))).status).toBe(200);

    held.open();
    expect((await first).status).toBe(200);
    expect((await app.http.post("/api/admin/program/tiers/preview", ladder, auth)).status).toBe(200);
  });
});
