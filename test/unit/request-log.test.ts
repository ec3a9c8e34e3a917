import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { everyRequest } from "../../server/http/every-request.js";
import { requestLog } from "../../server/http/request-log.js";
import { capturedLog } from "../support/captured-log.js";

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function loggedApp(level = "info") {
  const log = capturedLog(level);
  const app = express();
  app.use(everyRequest(requestLog(log.logger, { skip: (path) => path === "/healthz", debug: (path) => path.startsWith("/quiet/") })));
  app.get("/orders/:id", (req, res) => {
    req.log.warn({ seen: req.params.id }, "a route's own line");
    res.status(201).json({ ok: true });
  });
  app.get(["/healthz", "/quiet/x"], (_req, res) => res.json({ ok: true }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  closers.push(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Fetches, then waits for the answer's line (written when the server closes the response). */
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const before = log.lines().length;
    const res = await fetch(`${base}${path}`, { headers });
    await res.arrayBuffer();
    await new Promise((resolve) => setImmediate(resolve));
    return { res, lines: log.lines().slice(before) };
  };
  return { get, log };
}

describe("request log", () => {
  it("when a request is answered, then one line gives its id, method, path without the query and status, and the answer carries the id", async () => {
    const { get } = await loggedApp();
    const { res, lines } = await get("/orders/7?code=secret-code", { authorization: "Bearer secret-token" });

    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^req_/);
    const completed = lines.find((line) => line.msg === "request completed");
    expect(completed).toMatchObject({ level: 30, req: { id, method: "GET", path: "/orders/7" }, res: { statusCode: 201 } });
    expect(typeof completed?.responseTime).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("when a route logs through req.log, then its line carries the request's id and path", async () => {
    const { get } = await loggedApp();
    const { lines } = await get("/orders/7", { "x-request-id": "given-id" });

    expect(lines.find((line) => line.msg === "a route's own line")).toMatchObject({ seen: "7", req: { id: "given-id", path: "/orders/7" } });
  });

  it("when the path is skipped or logged at debug, then an info log holds no line for it, and a debug log holds the debug one", async () => {
    const { get } = await loggedApp();
    expect((await get("/healthz")).lines).toEqual([]);
    expect((await get("/quiet/x")).lines).toEqual([]);

    const debug = await loggedApp("debug");
    expect((await debug.get("/quiet/x")).lines).toMatchObject([{ level: 20, msg: "request completed", req: { path: "/quiet/x" } }]);
  });
});
