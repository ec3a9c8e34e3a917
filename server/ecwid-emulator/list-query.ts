import { wrongParameter } from "./ecwid-api-error.js";
import { parseEcwidDate } from "./ecwid-date.js";
import type { EcwidList } from "./wire-types.js";

export type Query = Record<string, string>;

const MAX_LIMIT = 100;

/** `offset` and `limit` as Ecwid reads them: limit defaults to and is capped at 100 (CONTRACT §4.2). */
export function paginate<T>(all: readonly T[], query: Query): EcwidList<T> {
  const offset = nonNegativeInt(query, "offset") ?? 0;
  const limit = Math.min(nonNegativeInt(query, "limit") ?? MAX_LIMIT, MAX_LIMIT);
  const items = all.slice(offset, offset + limit);
  return { total: all.length, count: items.length, offset, limit, items };
}

export function nonNegativeInt(query: Query, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw wrongParameter(`Wrong parameter '${name}' value: ${raw}`);
  return Number(raw);
}

export function numberParam(query: Query, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw wrongParameter(`Wrong parameter '${name}' value: ${raw}`);
  return value;
}

export function dateParam(query: Query, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  const at = parseEcwidDate(raw);
  if (!at) throw wrongParameter(`Wrong date format in parameter '${name}': ${raw}`);
  return at.getTime();
}

export function listParam(query: Query, name: string): string[] | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  return raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Inclusive bounds on a millisecond time; absent bounds match everything. */
export function withinRange(atMs: number, fromMs: number | undefined, toMs: number | undefined): boolean {
  return (fromMs === undefined || atMs >= fromMs) && (toMs === undefined || atMs <= toMs);
}
