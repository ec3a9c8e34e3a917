import { wrongParameter } from "./ecwid-api-error.js";

type FieldTree = Map<string, FieldTree | null>;

/**
 * Applies Ecwid's `responseFields` parameter (CONTRACT §4.1): `id,email,total` keeps those keys,
 * `total,items(id,email)` keeps `total` and, inside each item, `id` and `email`.
 */
export function pickResponseFields(body: unknown, spec: string | undefined): unknown {
  if (!spec) return body;
  return pick(body, parseFieldTree(spec));
}

function pick(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((entry) => pick(entry, tree));
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, subtree] of tree) {
    if (!(key in source)) continue;
    result[key] = subtree ? pick(source[key], subtree) : source[key];
  }
  return result;
}

function parseFieldTree(spec: string): FieldTree {
  let position = 0;
  const parseLevel = (): FieldTree => {
    const tree: FieldTree = new Map();
    let name = "";
    const flush = (subtree: FieldTree | null) => {
      if (name.trim()) tree.set(name.trim(), subtree);
      name = "";
    };
    while (position < spec.length) {
      const char = spec[position++];
      if (char === "(") {
        const subtree = parseLevel();
        flush(subtree);
      } else if (char === ")") {
        flush(null);
        return tree;
      } else if (char === ",") {
        flush(null);
      } else {
        name += char;
      }
    }
    flush(null);
    return tree;
  };
  const tree = parseLevel();
  if (position < spec.length || tree.size === 0) throw wrongParameter(`Wrong parameter 'responseFields' value: ${spec}`);
  return tree;
}
