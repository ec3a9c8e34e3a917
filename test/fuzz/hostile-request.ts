import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { signWebhook } from "../../server/ecwid/webhook-signature.js";
import type { RawRequest } from "../support/raw-request.js";

/**
 * A hostile request as a small recipe, so a failing case prints short and replays exactly, and how it
 * becomes bytes on the wire.
 */

export interface FuzzTargets {
  installedStoreId: number;
  unknownStoreId: number;
  clientSecret: string;
  /** A live referral code of the installed store, for the landing's routes. */
  referralCode?: string;
}

export type BodySpec =
  | { kind: "none" }
  /** `deepData` replaces the event's `data` with that many levels, written as text: no stack here could stringify it either. */
  | { kind: "json"; value: unknown; deepData?: number }
  /** An object written key by key, so `__proto__`, `constructor` and repeated keys reach the server as sent. */
  | { kind: "entries"; entries: [string, unknown][] }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: number[] }
  | { kind: "deep"; open: "[" | '{"a":'; levels: number }
  | { kind: "huge"; size: number }
  | { kind: "zeros"; size: number };

/** How the body is compressed, and what Content-Encoding claims: independent, so they may disagree. */
export interface EncodingSpec {
  compress: "none" | "gzip" | "deflate" | "br";
  header: string | null;
}

export type SignatureSpec = "none" | "garbage" | "wrong" | "valid";

export interface HostileRequest {
  method: string;
  path: string;
  headers: [string, string][];
  contentType: string | null;
  encoding: EncodingSpec;
  body: BodySpec;
  signature: SignatureSpec;
}

const zerosCache = new Map<number, Buffer>();
const nested = (open: "[" | '{"a":', levels: number) => `${open.repeat(levels)}1${(open === "[" ? "]" : "}").repeat(levels)}`;

function bodyBytes(body: BodySpec): Buffer {
  switch (body.kind) {
    case "none":
      return Buffer.alloc(0);
    case "json": {
      const text = JSON.stringify(body.value) ?? "null";
      return Buffer.from(body.deepData === undefined ? text : text.replace('"data":null', `"data":${nested('{"a":', body.deepData)}`));
    }
    case "entries":
      return Buffer.from(`{${body.entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`);
    case "text":
      return Buffer.from(body.text);
    case "bytes":
      return Buffer.from(body.bytes);
    case "deep":
      return Buffer.from(nested(body.open, body.levels));
    case "huge":
      return Buffer.from(`{"email":"${"a".repeat(body.size)}"}`);
    case "zeros": {
      const zeros = zerosCache.get(body.size) ?? gzipSync(Buffer.alloc(body.size));
      zerosCache.set(body.size, zeros);
      return zeros;
    }
  }
}

function compressed(bytes: Buffer, spec: EncodingSpec, body: BodySpec): Buffer {
  if (body.kind === "zeros") return bytes;
  if (spec.compress === "gzip") return gzipSync(bytes);
  if (spec.compress === "deflate") return deflateSync(bytes);
  if (spec.compress === "br") return brotliCompressSync(bytes);
  return bytes;
}

/** The signature header a recipe asks for, from the fields of the event it sends. */
function signatureFor(spec: SignatureSpec, body: BodySpec, clientSecret: string): string | null {
  const event = body.kind === "json" && typeof body.value === "object" && body.value !== null ? (body.value as Record<string, unknown>) : {};
  const eventCreated = typeof event.eventCreated === "number" || typeof event.eventCreated === "string" ? event.eventCreated : 0;
  const eventId = typeof event.eventId === "string" ? event.eventId : "";
  if (spec === "none") return null;
  if (spec === "garbage") return "5LwaK6im6mdLp7pZPlTz/+b2yB/FVhvIduZuzn4nEQg=";
  if (spec === "wrong") return signWebhook(eventCreated, `${eventId}-other`, clientSecret);
  return signWebhook(eventCreated, eventId, clientSecret);
}

export function toRawRequest(request: HostileRequest, targets: FuzzTargets): RawRequest {
  const headers: Record<string, string> = Object.fromEntries(request.headers);
  if (request.contentType !== null) headers["Content-Type"] = request.contentType;
  // A bomb only detonates when it says what it is.
  const encodingHeader = request.body.kind === "zeros" ? "gzip" : request.encoding.header;
  if (encodingHeader !== null) headers["Content-Encoding"] = encodingHeader;
  const signature = request.path.startsWith("/webhooks/") ? signatureFor(request.signature, request.body, targets.clientSecret) : null;
  if (signature !== null) headers["X-Ecwid-Webhook-Signature"] = signature;
  const body = compressed(bodyBytes(request.body), request.encoding, request.body);
  return { method: request.method, path: request.path, headers, ...(body.length > 0 ? { body } : {}) };
}

/** The event id a recipe's body carries, when it carries one, to check no receipt was kept for it. */
export function eventIdOf(request: HostileRequest): string | null {
  const value = request.body.kind === "json" ? request.body.value : null;
  const eventId = typeof value === "object" && value !== null ? (value as Record<string, unknown>).eventId : null;
  return typeof eventId === "string" ? eventId : null;
}
