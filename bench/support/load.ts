/** Fixed-concurrency HTTP load with autocannon (50 keep-alive connections), and the bare Express baseline beside it. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort } from "../../test/support/app-process.js";
import { fmt } from "../measure.js";
import { waitForHttp } from "./bench-app.js";
import { onServer } from "./postgres-server.js";

export const CONNECTIONS = 50;
/** Seconds each measured run lasts, after a short warm-up run. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

export interface LoadFigures {
  perSecond: number;
  /** CPU time the server process spent per answered request (user + system), in microseconds: noise from other processes does not move it. */
  cpuMicros: number;
  p50: number;
  p99: number;
  total: number;
  /** Answers other than 2xx/304, plus connection errors and timeouts. */
  failures: number;
}

export interface LoadTarget {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** A fresh request each time (e.g. a webhook with a new event id). */
  next?: () => { body: string; headers: Record<string, string> };
  /** The server's process, whose CPU time is measured. */
  pid: number;
}

/** CPU seconds a process has used so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

async function cannon(target: LoadTarget, seconds: number): Promise<LoadFigures> {
  const next = target.next;
  const cpuBefore = cpuSeconds(target.pid);
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    method: target.method ?? "GET",
    ...(target.headers ? { headers: target.headers } : {}),
    ...(target.body ? { body: target.body } : {}),
    ...(next
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                const { body, headers } = next();
                return { ...request, body, headers: { ...request.headers, ...headers } };
              },
            },
          ],
        }
      : {}),
  });
  const ok = result["2xx"] + notModified(result);
  return {
    perSecond: ok / seconds,
    cpuMicros: ((cpuSeconds(target.pid) - cpuBefore) * 1e6) / Math.max(1, ok),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: ok,
    failures: result.requests.total - ok + result.errors + result.timeouts,
  };
}

/** autocannon counts 304 among non-2xx; a revalidated read is a success. */
function notModified(result: autocannon.Result): number {
  return (result.statusCodeStats as Record<string, { count: number } | undefined>)["304"]?.count ?? 0;
}

/**
 * Lets the disk settle before a figure: PostgreSQL writes out what earlier work left (a dropped database, a flood's
 * WAL) now rather than during the run, so no figure, the baseline's included, pays for the one before it.
 */
async function settle(): Promise<void> {
  await onServer("CHECKPOINT").catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

/** The disk settled, a one-second warm-up (JIT, connection pools, caches), then the measured run. */
export async function load(target: LoadTarget): Promise<LoadFigures> {
  await settle();
  await cannon(target, 1);
  return cannon(target, SECONDS);
}

/** As long as an order webhook, so the baseline parses as much JSON. */
const WEBHOOK_SIZED_BODY = JSON.stringify({
  eventId: "bench-00000000",
  eventCreated: 1_767_225_600,
  storeId: 10_000_001,
  entityId: 100_000_001,
  eventType: "order.created",
  data: { orderId: "BENCH1", newPaymentStatus: "PAID" },
});

const bareScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "bare-express.mjs");

/** The baseline: express.json and one JSON route in its own node process, loaded the same way. */
export async function bareExpress(method: "GET" | "POST"): Promise<LoadFigures> {
  const port = await freePort();
  const child = spawn(process.execPath, [bareScript], { env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port) }, stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const url = `http://127.0.0.1:${port}/bare`;
    await waitForHttp(url, child);
    const pid = child.pid ?? 0;
    return await load(method === "POST" ? { url, pid, method, headers: { "Content-Type": "application/json" }, body: WEBHOOK_SIZED_BODY } : { url, pid });
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

export const share = (figures: LoadFigures, bare: LoadFigures) => figures.perSecond / bare.perSecond;

/** One row of a throughput table: requests a second, latency, the app's CPU per request, and the share of bare Express. */
export function row(label: string, figures: LoadFigures, bare: LoadFigures): string {
  const failures = figures.failures > 0 ? `  (${figures.failures} failed)` : "";
  return `  ${label.padEnd(40)} ${fmt(figures.perSecond, 0)} req/s  p50 ${fmt(figures.p50, 0)} ms  p99 ${fmt(figures.p99, 0)} ms  CPU ${fmt(figures.cpuMicros, 0)} µs/req  ${fmt(share(figures, bare) * 100, 0)}% of bare${failures}`;
}

export const LOAD_SETUP = `${CONNECTIONS} keep-alive connections (autocannon), ${SECONDS} s per figure after a 1 s warm-up`;
