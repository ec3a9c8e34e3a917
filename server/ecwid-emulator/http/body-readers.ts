import express, { type Request } from "express";
import { wrongParameter } from "../ecwid-api-error.js";

/**
 * Reads any body as text whatever its content type, scoped to the emulator so the host app's
 * parsers are not needed. If a host parser already consumed the stream, its result is kept.
 */
export const readTextBody = express.text({ type: () => true, limit: "2mb", defaultCharset: "utf-8" });

/** The body as the raw string Ecwid's storage endpoints keep (CONTRACT §4.10). */
export function rawBodyOf(req: Request): string {
  const body: unknown = req.body;
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (Buffer.isBuffer(body)) return body.toString("utf8");
  return JSON.stringify(body);
}

/** The body parsed as JSON; replaces `req.body` so the request log shows the parsed object. */
export function jsonBodyOf(req: Request): unknown {
  const body: unknown = req.body;
  if (body !== null && typeof body === "object" && !Buffer.isBuffer(body)) return body;
  const text = rawBodyOf(req).trim();
  if (!text) throw wrongParameter("Request body is empty");
  try {
    req.body = JSON.parse(text);
  } catch {
    throw wrongParameter("Request body is not valid JSON");
  }
  return req.body;
}

/** OAuth parameters from an `x-www-form-urlencoded` (or JSON) body, falling back to the query string. */
export function formParamsOf(req: Request, query: Record<string, string>): Record<string, string | undefined> {
  const body: unknown = req.body;
  let fromBody: Record<string, string> = {};
  if (body !== null && typeof body === "object" && !Buffer.isBuffer(body)) {
    fromBody = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
  } else {
    const text = rawBodyOf(req).trim();
    if (text.startsWith("{")) {
      try {
        fromBody = Object.fromEntries(Object.entries(JSON.parse(text) as object).map(([k, v]) => [k, String(v)]));
      } catch {
        fromBody = {};
      }
    } else if (text) {
      fromBody = Object.fromEntries(new URLSearchParams(text));
    }
    req.body = fromBody;
  }
  return { ...query, ...fromBody };
}
