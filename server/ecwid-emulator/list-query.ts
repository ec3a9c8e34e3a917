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

export function booleanParam(query: Query, name: string): boolean | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  if (raw !== "true" && raw !== "false") throw wrongParameter(`Wrong parameter '${name}' value: ${raw}`);
  return raw === "true";
}

function dateParam(query: Query, name: string): number | undefined {
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

/** `{name}From` and `{name}To` (e.g. `totalFrom`, `totalTo`) as an inclusive test; absent bounds match everything. */
export function numberRange(query: Query, name: string): (value: number) => boolean {
  const from = numberParam(query, `${name}From`);
  const to = numberParam(query, `${name}To`);
  return (value) => withinRange(value, from, to);
}

/** `{name}From` and `{name}To` dates (e.g. `createdFrom`) as an inclusive test on a millisecond time. */
export function dateRange(query: Query, name: string): (atMs: number) => boolean {
  const from = dateParam(query, `${name}From`);
  const to = dateParam(query, `${name}To`);
  return (atMs) => withinRange(atMs, from, to);
}

/** Inclusive bounds on a millisecond time; absent bounds match everything. */
function withinRange(atMs: number, fromMs: number | undefined, toMs: number | undefined): boolean {
  return (fromMs === undefined || atMs >= fromMs) && (toMs === undefined || atMs <= toMs);
}
