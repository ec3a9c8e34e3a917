import type { Request, Response } from "express";
import type { EncodedJson } from "../lib/encoded-json.js";

/**
 * Sends a JSON answer encoded ahead of time: 304 when the caller's If-None-Match already names it, otherwise
 * the bytes in the best encoding the caller accepts. Nothing is serialised or compressed per request.
 */
export function sendEncoded(req: Request, res: Response, encoded: EncodedJson, cacheControl: string): void {
  res.set("Cache-Control", cacheControl);
  res.set("ETag", encoded.etag);
  res.vary("Accept-Encoding");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const encoding = bestEncoding(req);
  const body = encoding === "identity" ? encoded.identity : encoded[encoding];
  if (encoding !== "identity") res.set("Content-Encoding", encoding);
  res.set("Content-Type", "application/json; charset=utf-8");
  res.set("Content-Length", String(body.length));
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

/** Brotli when the caller takes it (it is the smallest), else gzip, else the plain bytes. */
function bestEncoding(req: Request): "br" | "gzip" | "identity" {
  const accepted = new Set(req.acceptsEncodings());
  if (accepted.has("br") || accepted.has("*")) return "br";
  return accepted.has("gzip") ? "gzip" : "identity";
}
