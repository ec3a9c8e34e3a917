import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EcwidApiError } from "../../server/ecwid/ecwid-api-error.js";
import { EcwidClient } from "../../server/ecwid/ecwid-client.js";
import { createEcwidEmulator, type EcwidEmulator } from "../../server/ecwid-emulator/index.js";

let emulator: EcwidEmulator;
let running: { url: string; close(): Promise<void> };
let logs: string;

function client(options: Partial<ConstructorParameters<typeof EcwidClient>[0]> = {}) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  return new EcwidClient({ apiUrl: `${running.url}/api/v3`, logger: pino({ level: "debug" }, sink), sleep: async () => {}, ...options });
}

beforeEach(async () => {
  logs = "";
  emulator = createEcwidEmulator({ clientId: "c", clientSecret: "client-secret-0123456789", rateLimitPerMinute: null });
  running = await emulator.listen(0);
});
afterEach(() => running.close());

describe("Ecwid client", () => {
  it("when Ecwid answers 429 then 503, then the call is retried until it succeeds", async () => {
    const store = emulator.addStore();
    emulator.failNext(1, { status: 429, retryAfter: 1 });
    emulator.failNext(2, { status: 503 });
    const profile = await client().getProfile(store.storeId, store.accessToken);
    expect(profile.generalInfo.storeId).toBe(store.storeId);
    expect(emulator.requests.filter((request) => request.path.endsWith("/profile"))).toHaveLength(4);
  });

  it("when Ecwid keeps failing, then it gives up after the bounded attempts with a retryable error", async () => {
    const store = emulator.addStore();
    emulator.failNext(10, { status: 503 });
    const error = await client()
      .getProfile(store.storeId, store.accessToken)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EcwidApiError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(emulator.requests).toHaveLength(5);
  });

  it("when the token is refused, then it is not retried and neither the error nor the logs contain the token", async () => {
    const store = emulator.addStore();
    const error = await client()
      .getProfile(store.storeId, `${store.accessToken}-wrong`)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 403, errorCode: "INVALID_API_TOKEN", retryable: false });
    expect(emulator.requests).toHaveLength(1);
    expect(JSON.stringify(error) + String(error)).not.toContain(store.accessToken);
    expect(logs).toContain("ecwid request failed");
    expect(logs).not.toContain(store.accessToken);
  });

  it("when an order is gone, then getOrder answers null instead of failing", async () => {
    const store = emulator.addStore();
    expect(await client().getOrder(store.storeId, store.accessToken, "NOPE1")).toBeNull();
  });
});
