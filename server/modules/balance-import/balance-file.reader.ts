import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { AppError, badRequest } from "../../lib/errors.js";
import { untextCell } from "../exports/csv-cell.rules.js";

/**
 * The most data rows one file may hold: one import is one store transaction, which every other write of the store
 * waits behind (at most 15 s on PostgreSQL). 50,000 new members took 10.9 s on PostgreSQL and 5.1 s on lowdb
 * (bench/import.ts, bench/RESULTS.md).
 */
export const MAX_IMPORT_ROWS = 50_000;
const CHUNK_BYTES = 64 * 1024;

/** A data row: its fields (a `'` an export put before a formula start taken off again) and the line it starts on (1 is the header). */
export interface FileRow {
  line: number;
  fields: string[];
}

export interface BalanceFile {
  sha256: string;
  header: string[];
  rows: FileRow[];
}

const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Refuses bytes that are not text: UTF-8 only (a UTF-8 BOM is dropped by the parser), no UTF-16, no NUL the storage could not keep. */
function checkText(bytes: Buffer): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw badRequest("The file is UTF-16; save it as CSV in UTF-8 and send it again");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("The file is not UTF-8 text; save it as CSV in UTF-8 and send it again");
  }
  if (text.includes("\0")) throw badRequest("The file holds a NUL character; it is not a CSV text file");
}

/**
 * The bytes a chunk at a time, with a turn of the event loop between chunks: parsing 5 MB at once would hold every
 * store's requests. Bytes, not text: the parser joins a character cut at a chunk's edge, where a cut string would not.
 */
async function* chunksOf(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    yield bytes.subarray(at, at + CHUNK_BYTES);
    await aTurn();
  }
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * The line each record starts on, from the byte offset the parser says the previous record ended at (its `info.bytes`):
 * past the empty lines it skipped, counting CRLF, CR and LF as one line each, forward once through the file. The
 * parser's own `info.lines` counts a CRLF inside a quoted cell twice.
 */
function recordLines(bytes: Buffer): (endOfPrevious: number) => number {
  let at = 0;
  let line = 1;
  return (endOfPrevious) => {
    let start = endOfPrevious;
    while (bytes[start] === CR || bytes[start] === LF) start++;
    for (; at < start; at++) if (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF)) line++;
    return line;
  };
}

/**
 * Reads the uploaded CSV into its header and rows. A file that cannot be read as CSV at all (not UTF-8, an unclosed
 * quote, no header) is refused whole (400), naming the line; a row with too few or many fields is kept for the row checks.
 */
export async function readBalanceFile(bytes: Buffer): Promise<BalanceFile> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  checkText(bytes);
  const parser = Readable.from(chunksOf(bytes)).pipe(
    parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ["\r\n", "\n", "\r"], max_record_size: 64 * 1024 }),
  );
  let header: string[] | null = null;
  const rows: FileRow[] = [];
  const lineOf = recordLines(bytes);
  let ended = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const line = lineOf(ended);
      ended = info.bytes;
      const fields = record.map(untextCell);
      if (header === null) header = fields;
      else if (rows.length === MAX_IMPORT_ROWS)
        throw new AppError(
          "payload_too_large",
          `The file has more than ${MAX_IMPORT_ROWS} rows; split it into files of at most ${MAX_IMPORT_ROWS} and import them one after another (each file is imported whole or not at all)`,
        );
      else rows.push({ line, fields });
    }
  } catch (error) {
    if (error instanceof CsvError) throw badRequest(`The file is not readable as CSV near line ${String(error.lines ?? "?")}: ${error.message.split(":")[0]}`);
    throw error;
  }
  if (header === null) throw badRequest('The file is empty; the first line must name the columns, e.g. "email,points"');
  return { sha256, header, rows };
}
