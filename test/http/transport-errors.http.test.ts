import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signWebhook } from "../../server/ecwid/webhook-signature.js";
import { jsonOf, rawRequest, type RawRequest } from "../support/raw-request.js";
import { startTestApp, TEST_CLIENT_SECRET, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;
let logLines: { level: number; msg: string }[];

beforeEach(async () => {
  logLines = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(
        ...String(chunk)
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line)),
      );
      done();
    },
  });
  app = await startTestApp({ logger: pino({ level: "info" }, sink) });
  ({ storeId } = await app.installStore());
});
afterEach(() => app.close());

const send = (request: RawRequest) => rawRequest(app.url, request);
const jsonPost = (path: string, body: Buffer | string, headers: Record<string, string> = {}): RawRequest => ({
  method: "POST",
  path,
  headers: { "Content-Type": "application/json", ...headers },
  body,
});

/** A validly signed order webhook for the installed store, with `data` as given. */
function signedWebhook(data: unknown) {
  const eventId = randomUUID();
  const eventCreated = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ eventId, eventCreated, storeId, entityId: 1, eventType: "order.created", data });
  return { eventId, body, signature: signWebhook(eventCreated, eventId, TEST_CLIENT_SECRET) };
}

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

async function expectNothingStored(eventIds: string[] = []) {
  expect(await app.container.storage.inbox.counts(storeId)).toEqual({ pending: 0, done: 0, failed: 0 });
  for (const eventId of eventIds) expect(await app.container.storage.receipts.find(eventId)).toBeNull();
  const members = await app.container.storage.read(storeId, (tx) => tx.members.list(storeId, { limit: 10, offset: 0 }));
  expect(members.total).toBe(0);
  expect(app.mail.messages).toEqual([]);
}

function expectRefusalsLoggedAtInfo() {
  expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  expect(logLines.some((line) => line.level === 30 && line.msg === "request refused")).toBe(true);
}

describe("malformed transport input", () => {
  it("when a JSON body names a charset nobody knows, then 415 unsupported_charset, logged at info, and nothing is stored", async () => {
    const headers = { "Content-Type": "application/json; charset=klingon" };
    const requests = [
      jsonPost(`/api/storefront/${storeId}/session/start`, JSON.stringify({ email: "ana@example.com" }), headers),
      jsonPost("/api/admin/session", JSON.stringify({ storeId, accessToken: "made-up" }), headers),
    ];
    for (const request of requests) {
      const response = await send(request);
      expect(response.status).toBe(415);
      expect(jsonOf(response)).toEqual({ code: "unsupported_charset", message: expect.stringContaining("klingon") });
    }
    await expectNothingStored();
    expectRefusalsLoggedAtInfo();
  });

  it("when a body says gzip but is not, then 400 malformed_body and nothing is stored", async () => {
    const hook = signedWebhook({ orderId: "X1" });
    const requests = [
      jsonPost("/webhooks/ecwid", hook.body, { "Content-Encoding": "gzip", "X-Ecwid-Webhook-Signature": hook.signature }),
      jsonPost(`/api/storefront/${storeId}/session/start`, JSON.stringify({ email: "ana@example.com" }), { "Content-Encoding": "gzip" }),
      jsonPost("/api/admin/session", "not gzip at all", { "Content-Encoding": "gzip" }),
    ];
    for (const request of requests) {
      const response = await send(request);
      expect(response.status).toBe(400);
      expect(jsonOf(response)).toEqual({ code: "malformed_body", message: expect.any(String) });
    }
    await expectNothingStored([hook.eventId]);
    expectRefusalsLoggedAtInfo();
  });

  it("when a gzip body is cut short, then 400 malformed_body", async () => {
    const truncated = gzipSync(JSON.stringify({ email: "ana@example.com" })).subarray(0, 12);
    const response = await send(jsonPost(`/api/storefront/${storeId}/session/start`, truncated, { "Content-Encoding": "gzip" }));
    expect(response.status).toBe(400);
    expect(jsonOf(response)).toMatchObject({ code: "malformed_body" });
    await expectNothingStored();
  });

  it("when a body names a content encoding nobody knows, then 415 unsupported_encoding and nothing is stored", async () => {
    const hook = signedWebhook({ orderId: "X1" });
    const requests = [
      jsonPost("/webhooks/ecwid", hook.body, { "Content-Encoding": "br2", "X-Ecwid-Webhook-Signature": hook.signature }),
      jsonPost(`/api/storefront/${storeId}/session/start`, JSON.stringify({ email: "ana@example.com" }), { "Content-Encoding": "br2" }),
      jsonPost("/api/admin/session", JSON.stringify({ storeId, accessToken: "made-up" }), { "Content-Encoding": "br2" }),
    ];
    for (const request of requests) {
      const response = await send(request);
      expect(response.status).toBe(415);
      expect(jsonOf(response)).toEqual({ code: "unsupported_encoding", message: expect.stringContaining("br2") });
    }
    await expectNothingStored([hook.eventId]);
    expectRefusalsLoggedAtInfo();
  });

  it("when a path parameter is not valid percent-encoded UTF-8, then 400 malformed_path", async () => {
    for (const path of ["/api/storefront/%ED%A0%80/program", "/api/storefront/%E0%A4%A/me", `/api/storefront/${storeId}%FF/session/start`]) {
      const response = await send({ method: path.endsWith("start") ? "POST" : "GET", path, headers: { Accept: "application/json" } });
      expect(response.status).toBe(400);
      expect(jsonOf(response)).toEqual({ code: "malformed_path", message: expect.any(String) });
    }
    expectRefusalsLoggedAtInfo();
  });

  it("when a browser asks for a page at an undecodable path, then it gets a 4xx, never a 5xx", async () => {
    for (const path of ["/api/storefront/%ED%A0%80/program", "/%ED%A0%80.js", "/widget.js%C0", "/oauth/%FF"]) {
      const response = await send({ method: "GET", path, headers: { Accept: "text/html" } });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });
});

describe("webhook nesting depth", () => {
  it("when a validly signed webhook nests 20,000 levels deep, then 400 and nothing is stored", async () => {
    const hook = signedWebhook(JSON.parse(nested(1)));
    const deep = hook.body.replace('"data":{"a":1}', `"data":${nested(20_000)}`);
    const response = await send(jsonPost("/webhooks/ecwid", deep, { "X-Ecwid-Webhook-Signature": hook.signature }));
    expect(response.status).toBe(400);
    expect(jsonOf(response)).toEqual({ code: "bad_request", message: expect.stringContaining("nested") });
    await expectNothingStored([hook.eventId]);
    expectRefusalsLoggedAtInfo();
  });

  it("when a webhook body is 32 levels deep, then it is accepted, and at 33 it is refused", async () => {
    // The body is level 1 and data level 2, so data holds 30 more levels to make 32.
    const atLimit = signedWebhook({ orderId: "X1", deep: JSON.parse(nested(30)) });
    const accepted = await send(jsonPost("/webhooks/ecwid", atLimit.body, { "X-Ecwid-Webhook-Signature": atLimit.signature }));
    expect(accepted.status).toBe(200);
    expect(jsonOf(accepted)).toEqual({ ok: true, outcome: "queued" });

    const overLimit = signedWebhook({ orderId: "X2", deep: JSON.parse(nested(31)) });
    const refused = await send(jsonPost("/webhooks/ecwid", overLimit.body, { "X-Ecwid-Webhook-Signature": overLimit.signature }));
    expect(refused.status).toBe(400);
    expect(await app.container.storage.receipts.find(overLimit.eventId)).toBeNull();
    expect(await app.container.storage.inbox.counts(storeId)).toMatchObject({ pending: 1 });
  });

  it("when brackets and braces sit inside strings, then they do not count as nesting", async () => {
    const hook = signedWebhook({ orderId: "X1", note: `${"[{".repeat(100)}\\"${"]}".repeat(100)}` });
    const response = await send(jsonPost("/webhooks/ecwid", hook.body, { "X-Ecwid-Webhook-Signature": hook.signature }));
    expect(response.status).toBe(200);
  });
});
