import type { Request, Response } from "express";
import type { EncodedJson } from "../lib/encoded-json.js";

/**
 * Sends a JSON answer encoded ahead of time: 304 when the caller's If-None-Match already names it, otherwise
 * the bytes in the best encoding the caller accepts. Nothing is serialised or compressed per request.
 */
export function sendEncoded(req: Request, res: Response, encoded: EncodedJson, cacheControl: string): void {
  // Plain setHeader: Express's res.set looks each value up on every request (a MIME table for Content-Type).
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("ETag", encoded.etag);
  res.vary("Accept-Encoding");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const encoding = bestEncoding(req);
  const body = encoding === "identity" ? encoded.identity : encoded[encoding];
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/**
 * Sends JSON already serialised, as it is: no ETag is hashed over it and nothing is serialised per request.
 * For answers nobody revalidates (private, no-store, or to a machine such as Ecwid).
 */
export function sendJsonBytes(res: Response, status: number, body: Buffer): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

type Encoding = "br" | "gzip" | "identity";

/** Accept-Encoding headers met and what each chose: browsers send a handful of distinct ones. Bounded: past this, new ones are not kept. */
const chosen = new Map<string, Encoding>();
const CHOICES_KEPT = 64;

/** Brotli when the caller takes it (it is the smallest), else gzip, else the plain bytes. */
function bestEncoding(req: Request): Encoding {
  const header = req.headers["accept-encoding"] ?? "";
  const known = chosen.get(header);
  if (known) return known;
  const accepted = new Set(req.acceptsEncodings());
  const encoding = accepted.has("br") || accepted.has("*") ? "br" : accepted.has("gzip") ? "gzip" : "identity";
  if (chosen.size < CHOICES_KEPT) chosen.set(header, encoding);
  return encoding;
}
