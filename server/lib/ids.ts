import { customAlphabet } from "nanoid";

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
const make = customAlphabet(alphabet, 16);

/** Prefixed, URL-safe ids: the prefix tells a reader what kind of thing an id names. */
export function newId(prefix: string): string {
  return `${prefix}_${make()}`;
}
