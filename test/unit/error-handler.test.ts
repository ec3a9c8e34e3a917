import express from "express";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { errorHandler } from "../../server/http/error-handler.js";

/** One route that fails with `error`, answered by the central handler. */
async function answerTo(error: Error) {
  const app = express();
  app.use((req, _res, next) => (((req as unknown as { log: unknown }).log = { info: () => {}, error: () => {} }), next()));
  app.post("/api/admin/thing", () => {
    throw error;
  });
  app.use(errorHandler);
  const server = app.listen(0);
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin/thing`, { method: "POST" });
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
  } finally {
    server.close();
  }
}

describe("the central error handler", () => {
  it("when a write waited out PostgreSQL's lock timeout (55P03), then the answer is 503 busy with Retry-After, not a 500", async () => {
    const lockTimeout = Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" });

    expect(await answerTo(lockTimeout)).toEqual({
      status: 503,
      retryAfter: "5",
      body: { code: "busy", message: "The store is busy with another change (e.g. an import); try again in a moment", retryAfterSeconds: 5 },
    });
    expect((await answerTo(Object.assign(new Error("deadlock"), { code: "40P01" }))).status).toBe(500);
  });
});
