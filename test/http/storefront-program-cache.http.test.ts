import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { challengeSchema } from "../../server/modules/settings/program-settings.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { PROGRAM_TTL_MS } from "../../server/modules/storefront/storefront.service.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock(new Date());
let app: TestApp;
let storeId: number;
let storageReads: number;

beforeEach(async () => {
  clock.set(new Date());
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear" }));
  const { storage } = app.container;
  const read = storage.read.bind(storage);
  storageReads = 0;
  storage.read = (id, work) => {
    storageReads++;
    return read(id, work);
  };
});
afterEach(() => app.close());

const program = (query = "", headers: Record<string, string> = {}) =>
  app.http.get(`/api/storefront/${storeId}/program${query}`, { headers: { "Accept-Encoding": "identity", ...headers }, responseType: "arraybuffer", decompress: false });
const json = (body: ArrayBuffer | Buffer) => JSON.parse(Buffer.from(body as ArrayBuffer).toString("utf8")) as Record<string, unknown>;

async function saveChallenge(title: string) {
  const token = await app.adminToken(storeId);
  const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
  const saved = await app.http.put("/api/admin/settings", { ...current, challenges: [{ id: "ch_one", title, points: 5, goal: { kind: "orders", target: 1 } }] }, bearer(token));
  expect(saved.status).toBe(200);
}

describe("the cached public program", () => {
  it("when it is read again and again, then storage is read once and every answer carries the same ETag", async () => {
    const answers = [await program(), await program(), await program("?lang=en-US")];

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.headers.etag)).size).toBe(1);
    expect(answers[0]?.headers.etag).toMatch(/^W\/".+"$/);
    expect(json(answers[2]?.data)).toMatchObject({ storeId, storeName: "Alpine Gear", lang: "en" });
    expect(storageReads).toBe(1);
  });

  it("when the caller already holds it (If-None-Match), then 304 without a body", async () => {
    const first = await program();

    const again = await program("", { "If-None-Match": String(first.headers.etag) });

    expect(again.status).toBe(304);
    expect(Buffer.from(again.data).length).toBe(0);
    expect(again.headers["cache-control"]).toBe("public, max-age=60");
    expect(again.headers["access-control-allow-origin"]).toBe("*");
  });

  it("when the caller accepts brotli or gzip, then it gets the same JSON compressed that way, and plain JSON otherwise", async () => {
    const plain = await program("?lang=nl", { "Accept-Encoding": "identity" });
    const gzip = await program("?lang=nl", { "Accept-Encoding": "gzip" });
    const br = await program("?lang=nl", { "Accept-Encoding": "gzip, br" });

    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    const expected = json(plain.data);
    expect(expected).toMatchObject({ lang: "nl" });
    expect(json(gunzipSync(Buffer.from(gzip.data)))).toEqual(expected);
    expect(json(brotliDecompressSync(Buffer.from(br.data)))).toEqual(expected);
  });

  it("when languages differ, then each has its own answer and ETag", async () => {
    const [en, de] = [await program("?lang=en"), await program("?lang=de")];

    expect(json(en.data)).toMatchObject({ lang: "en" });
    expect(json(de.data)).toMatchObject({ lang: "de" });
    expect(en.headers.etag).not.toBe(de.headers.etag);
  });

  it("when the merchant saves settings here, then the next read shows them at once, under a new ETag", async () => {
    const before = await program();
    await saveChallenge("First order");

    const after = await program("", { "If-None-Match": String(before.headers.etag) });

    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(json(after.data)).toMatchObject({ challenges: [{ id: "ch_one", title: "First order" }] });
  });

  it("when settings change without this process knowing (another process), then the program shows them once the cache time has passed", async () => {
    await program();
    const changed = {
      ...(await app.container.settings.get(storeId)),
      challenges: [challengeSchema.parse({ id: "ch_elsewhere", title: "Saved elsewhere", points: 5, goal: { kind: "orders", target: 1 } })],
    };
    await app.container.storage.transaction(storeId, (tx) => tx.settings.save(storeId, changed));

    expect(json((await program()).data)).toMatchObject({ challenges: [] });
    clock.advance(PROGRAM_TTL_MS + 1);
    expect(json((await program()).data)).toMatchObject({ challenges: [{ id: "ch_elsewhere" }] });
  });

  it("when the store is uninstalled, then once the cache time has passed the program is refused", async () => {
    expect((await program()).status).toBe(200);
    await app.container.installs.uninstall(storeId);

    clock.advance(PROGRAM_TTL_MS + 1);

    expect((await program()).status).toBe(403);
  });
});
