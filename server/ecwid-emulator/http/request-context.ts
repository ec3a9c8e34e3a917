import type { Request, Response } from "express";
import type { StoreRecord, TokenRecord } from "../emulator-state.js";
import type { Query } from "../list-query.js";
import { pickResponseFields } from "../response-fields.js";

/**
 * The query as Ecwid's clients send it, read from the raw URL so the host app's
 * `query parser` setting cannot change what the emulator sees. Repeated keys: the first wins.
 */
export function queryOf(req: Request): Query {
  const query: Query = {};
  const search = new URL(req.originalUrl || req.url, "http://emulator.invalid").searchParams;
  for (const [key, value] of search) if (!(key in query)) query[key] = value;
  return query;
}

/** `Authorization: Bearer …` first, then the legacy `?token=` the JS SDK uses (CONTRACT §4.1). */
export function tokenOf(req: Request): string | undefined {
  const header = req.get("authorization");
  const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? queryOf(req).token ?? undefined;
}

/** What the REST guards established, kept on `res.locals` under names no host middleware uses. */
export function setRestStore(res: Response, store: StoreRecord): void {
  res.locals.ecwidEmulatorStore = store;
}

export function setRestToken(res: Response, token: TokenRecord): void {
  res.locals.ecwidEmulatorToken = token;
}

export function storeOf(res: Response): StoreRecord {
  const store = res.locals.ecwidEmulatorStore as StoreRecord | undefined;
  if (!store) throw new Error("findStore must run before this handler");
  return store;
}

export function tokenRecordOf(res: Response): TokenRecord {
  const token = res.locals.ecwidEmulatorToken as TokenRecord | undefined;
  if (!token) throw new Error("authenticate must run before this handler");
  return token;
}

/** Sends JSON, trimming GET responses with `responseFields` as Ecwid does. */
export function sendJson(req: Request, res: Response, body: unknown, status = 200): void {
  const trimmed = req.method === "GET" ? pickResponseFields(body, queryOf(req).responseFields) : body;
  res.status(status).json(trimmed);
}
