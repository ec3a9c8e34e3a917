import { fingerprint } from "../../lib/fingerprint.js";
import type { ProgramSettings } from "./program-settings.js";

export type ChangePath = (string | number)[];

/** One changed field. `before` is absent for what was added, `after` for what was removed. */
export interface FieldChange {
  path: ChangePath;
  before?: unknown;
  after?: unknown;
}

export const LIST_PARTS = ["challenges", "badges", "tiers", "rewards"] as const;
export type ListPart = (typeof LIST_PARTS)[number];
export type ProgramPart = keyof ProgramSettings;

/** What one save did to one part of the program: an item of a list (named as it is now, or was), or a whole part. */
export type Touched = { part: ListPart; id: string; name: string; change: "added" | "changed" | "removed" } | { part: ProgramPart; change: "changed" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const hasIds = (list: unknown[]): list is { id: string }[] => list.every((item) => isRecord(item) && typeof item.id === "string");
const same = (a: unknown, b: unknown) => fingerprint(a) === fingerprint(b);

function diffLists(before: { id: string }[], after: { id: string }[], path: ChangePath): FieldChange[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changes: FieldChange[] = [];
  const kept = (list: { id: string }[], other: Map<string, unknown>) => list.map((item) => item.id).filter((id) => other.has(id));
  // Items that stay but trade places: the list's order is what shoppers see, so a reorder is a change too.
  if (!same(kept(before, now), kept(after, old))) changes.push({ path, before: before.map((item) => item.id), after: after.map((item) => item.id) });
  for (const item of before) if (!now.has(item.id)) changes.push({ path: [...path, item.id], before: item });
  for (const item of after) {
    const previous = old.get(item.id);
    changes.push(...(previous ? diffValues(previous, item, [...path, item.id]) : [{ path: [...path, item.id], after: item }]));
  }
  return changes;
}

/**
 * The changed fields between two values, by path: objects key by key, lists of items with ids item by item
 * (the id in the path, so a path names the same item whatever its place), any other value as a whole.
 */
export function diffValues(before: unknown, after: unknown, path: ChangePath = []): FieldChange[] {
  if (same(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after) && hasIds(before) && hasIds(after)) return diffLists(before, after, path);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      // Own keys only: a text key may be named like a member of every object (`constructor`, `toString`).
      if (!Object.hasOwn(after, key)) return [{ path: [...path, key], before: before[key] }];
      if (!Object.hasOwn(before, key)) return [{ path: [...path, key], after: after[key] }];
      return diffValues(before[key], after[key], [...path, key]);
    });
  }
  return [{ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

const nameOf = (item: unknown): string => (isRecord(item) ? String(item.title ?? item.name ?? item.id ?? "") : "");

/** Each part and list item a program change touches, once, in the order the changes name them. */
export function touchedBy(changes: FieldChange[], before: ProgramSettings, after: ProgramSettings): Touched[] {
  const touched = new Map<string, Touched>();
  for (const { path } of changes) {
    const [part, id] = path as [ProgramPart, unknown];
    const list = (LIST_PARTS as readonly string[]).includes(part) ? (part as ListPart) : null;
    if (!list || typeof id !== "string") {
      if (!touched.has(part)) touched.set(part, { part, change: "changed" });
      continue;
    }
    const was = before[list].find((item) => item.id === id);
    const is = after[list].find((item) => item.id === id);
    touched.set(`${list}/${id}`, { part: list, id, name: nameOf(is ?? was), change: !was ? "added" : !is ? "removed" : "changed" });
  }
  return [...touched.values()];
}

/** What a save changed: nothing at all when the program is the same. */
export function programChanges(before: ProgramSettings, after: ProgramSettings): { changes: FieldChange[]; touched: Touched[] } {
  const changes = diffValues(before, after);
  return { changes, touched: touchedBy(changes, before, after) };
}
