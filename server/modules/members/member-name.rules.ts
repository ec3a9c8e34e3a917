/** A person as an Ecwid order names them (`billingPerson`, CONTRACT §4.6). */
export interface PersonName {
  name?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
}

const MAX_NAME = 100;
const MAX_FIRST_NAME = 40;

/** Control, format and unpaired surrogate characters become spaces: a name is plain words. */
const plain = (text: unknown): string => (typeof text === "string" ? text.replace(/\p{C}/gu, " ").replace(/\s+/g, " ").trim() : "");
const clip = (text: string, max: number) => Array.from(text).slice(0, max).join("");

/** "First Last" from the first and last names, else the whole name as given; null when the order names nobody. */
export function personName(person: PersonName | null | undefined): string | null {
  if (!person) return null;
  const first = plain(person.firstName);
  const name = first ? `${first} ${plain(person.lastName)}`.trim() : plain(person.name) || plain(person.lastName);
  return name ? clip(name, MAX_NAME) : null;
}

/** An order's name becomes the member's when they have none yet, or when it is their newest order: replays in any order agree. */
export function nameAfterOrder(current: string | null, order: { name: string | null; placedAt: string }, orders: { placedAt: string }[]): string | null {
  if (order.name === null) return current;
  const newest = orders.every((other) => Date.parse(other.placedAt) <= Date.parse(order.placedAt));
  return current === null || newest ? order.name : current;
}

const initial = (word: string) => `${(Array.from(word)[0] ?? "").toLocaleUpperCase()}.`;

/**
 * How the leaderboard shows a member: first name and the initial of the last name ("Maya K."), a first name
 * alone ("Maya"), else the initial of the email's local part ("M."). Never more of the name, never the email.
 */
export function boardName(name: string | null, email: string | null): string {
  const words = (name ?? "").split(" ").filter(Boolean);
  const first = words[0];
  const last = words.at(-1);
  if (first && last && words.length > 1) return `${clip(first, MAX_FIRST_NAME)} ${initial(last)}`;
  if (first) return clip(first, MAX_FIRST_NAME);
  const local = plain(email?.split("@")[0]);
  return local ? initial(local) : "?";
}
