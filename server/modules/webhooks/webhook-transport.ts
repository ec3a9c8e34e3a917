import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isCallableAddress, isLoopbackHost } from "./webhook-address.rules.js";

/** What one delivery attempt got back: an HTTP answer (status and the start of its body), or an error before one. */
export interface SendOutcome {
  status: number | null;
  /** The answer's body as text, at most `RESPONSE_KEPT` characters. */
  response: string | null;
  durationMs: number;
  error: string | null;
  /** The answer's Retry-After, in milliseconds, when it gave one. */
  retryAfterMs: number | null;
}

export interface WebhookTransport {
  post(url: string, headers: Record<string, string>, body: string): Promise<SendOutcome>;
}

const TIMEOUT_MS = 10_000;
/** Bytes of an answer read at most; the rest is not waited for. */
const RESPONSE_READ = 16 * 1024;
const RESPONSE_KEPT = 500;

/** Refused before any connection: a URL or address an endpoint may not use. */
export class RefusedAddress extends Error {}

/**
 * POSTs over HTTPS to public addresses only. The host is resolved on every call and every address it resolves to
 * must be public (webhook-address.rules); the connection goes to the address that was checked (its own `lookup`),
 * so a second DNS answer cannot swap in another. Redirects are not followed, the answer is read up to 16 KB, and
 * the whole call gives up after 10 s. `allowLoopback` (tests) lets loopback through, plain http on it too.
 */
export function createHttpsTransport(options: { allowLoopback: boolean; timeoutMs?: number }): WebhookTransport {
  return {
    async post(url, headers, body) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        const target = await checkedTarget(url, options.allowLoopback);
        return { ...(await request(target, headers, body, options.timeoutMs ?? TIMEOUT_MS)), durationMs: elapsed() };
      } catch (error) {
        return { status: null, response: null, durationMs: elapsed(), error: error instanceof Error ? error.message : String(error), retryAfterMs: null };
      }
    },
  };
}

interface Target {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The URL's scheme and every address its host resolves to, checked; the first address is the one called. */
export async function checkedTarget(raw: string, allowLoopback: boolean): Promise<Target> {
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowLoopback && isLoopbackHost(host))) throw new RefusedAddress("only https URLs are called");
  const addresses = await dns.lookup(host, { all: true, verbatim: true });
  const refused = addresses.find((one) => !isCallableAddress(one.address, allowLoopback));
  if (addresses.length === 0 || refused) throw new RefusedAddress(`${host} resolves to ${refused?.address ?? "nothing"}, which is not a public address`);
  const [first] = addresses;
  return { url, address: first!.address, family: first!.family === 6 ? 6 : 4 };
}

function request(target: Target, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Omit<SendOutcome, "durationMs">> {
  const { url, address, family } = target;
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, lookup, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let read = 0;
      const finish = () => {
        clearTimeout(timer);
        res.destroy();
        resolve({
          status: res.statusCode ?? null,
          response: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_KEPT),
          error: null,
          retryAfterMs: retryAfterMs(res.headers["retry-after"]),
        });
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        read += chunk.length;
        if (read >= RESPONSE_READ) finish();
      });
      res.on("end", finish);
      res.on("error", finish);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
function retryAfterMs(header: string | undefined): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
