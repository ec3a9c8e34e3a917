import { badRequest } from "../../lib/errors.js";
import { isMailableAddress, normaliseEmail } from "../members/member.js";
import { LANGUAGES, type Language } from "../settings/program-settings.js";

/**
 * The most a starting balance may be either way: far above any real program, far below what would overflow a sum. A
 * negative one is taken as it is (an exported member whose clawbacks were larger than their balance keeps that debt).
 */
export const MAX_STARTING_POINTS = 10_000_000;

/**
 * The columns an import reads; every other column is listed back as ignored. `points` and `balance_points` are one
 * column by two names; `member_id` (members.csv's) only tells whether the file is this store's own export.
 */
export const READ_COLUMNS = ["member_id", "email", "points", "balance_points", "customer_id", "language"] as const;

/** Where each read column stands in the file (null: absent), and the columns left unread. */
export interface ImportColumns {
  memberId: number | null;
  email: number;
  points: number;
  customerId: number | null;
  language: number | null;
  ignored: string[];
}

/** A row that passed its own checks: the member it names (by email, customer id or both) and the starting balance it gives them. */
export interface ImportRow {
  line: number;
  email: string | null;
  points: number;
  customerId: number | null;
  language: Language | null;
}

export interface RejectedRow {
  line: number;
  /** The row's email as written (trimmed, cut to 40 characters), when it had one. */
  email: string | null;
  reason: string;
}

/** Reads the header: names are trimmed and lower-cased; email and points (or balance_points) must be there, each once. */
export function readHeader(header: string[]): ImportColumns {
  const names = header.map((name) => name.trim().toLowerCase());
  const repeated = names.find((name, i) => name !== "" && names.indexOf(name) !== i);
  if (repeated !== undefined) throw badRequest(`The column "${repeated}" appears twice in the header`);
  const at = (name: string) => (names.includes(name) ? names.indexOf(name) : null);
  const email = at("email");
  if (email === null) throw badRequest('The header has no "email" column; the first line must name the columns, e.g. "email,points"');
  const points = at("points");
  const balance = at("balance_points");
  if (points !== null && balance !== null) throw badRequest('The header has both "points" and "balance_points"; keep one');
  if (points === null && balance === null) throw badRequest('The header has no "points" (or "balance_points") column');
  const read: readonly string[] = READ_COLUMNS;
  return {
    memberId: at("member_id"),
    email,
    points: (points ?? balance)!,
    customerId: at("customer_id"),
    language: at("language"),
    ignored: header.filter((_, i) => !read.includes(names[i]!)),
  };
}

/** A cell as a report echoes it: at most 40 characters, so a refused row never carries a whole 64 KB cell back. */
export const shown = (value: string): string => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export const cell = (fields: string[], at: number | null) => (at === null ? "" : (fields[at] ?? "").trim());

/** One row's own checks (shape, not the store): its field count, email, points, customer id and language. */
export function checkRow(fields: string[], columns: ImportColumns, width: number, line: number): ImportRow | RejectedRow {
  const written = cell(fields, columns.email);
  const reject = (reason: string): RejectedRow => ({ line, email: written === "" ? null : shown(written), reason });
  if (fields.length !== width) return reject(`The row has ${fields.length} fields; the header has ${width}`);
  const customer = cell(fields, columns.customerId);
  if (written === "" && customer === "") return reject("The row has no email and no customer id; a member is found by one of them, so a row needs one");
  if (written !== "" && !isMailableAddress(written)) return reject(`"${shown(written)}" is not an email address`);
  const points = cell(fields, columns.points);
  if (!/^-?\d+$/.test(points)) return reject(`The points "${shown(points)}" are not a whole number`);
  if (Math.abs(Number(points)) > MAX_STARTING_POINTS)
    return reject(`The points ${shown(points)} are beyond what a row may give, -${MAX_STARTING_POINTS} to ${MAX_STARTING_POINTS}`);
  if (customer !== "" && (!/^\d{1,15}$/.test(customer) || Number(customer) === 0)) return reject(`The customer id "${shown(customer)}" is not an Ecwid customer id`);
  const language = cell(fields, columns.language).toLowerCase();
  if (language !== "" && !(LANGUAGES as readonly string[]).includes(language)) return reject(`The language "${shown(language)}" is not one of ${LANGUAGES.join(", ")}`);
  return {
    line,
    email: written === "" ? null : normaliseEmail(written),
    points: Number(points),
    customerId: customer === "" ? null : Number(customer),
    language: language === "" ? null : (language as Language),
  };
}

export const isRejected = (row: ImportRow | RejectedRow): row is RejectedRow => "reason" in row;

/** The second and later rows naming an email or a customer id an earlier row named: a file gives each member one starting balance. */
export function repeatedRows(rows: ImportRow[]): RejectedRow[] {
  const emails = new Map<string, number>();
  const customers = new Map<number, number>();
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const byEmail = row.email === null ? undefined : emails.get(row.email);
    const earlier = byEmail ?? (row.customerId === null ? undefined : customers.get(row.customerId));
    if (earlier !== undefined) {
      rejected.push({ line: row.line, email: row.email, reason: `${byEmail !== undefined ? "The email" : "The customer id"} is on line ${earlier} too` });
      continue;
    }
    if (row.email !== null) emails.set(row.email, row.line);
    if (row.customerId !== null) customers.set(row.customerId, row.line);
  }
  return rejected;
}
