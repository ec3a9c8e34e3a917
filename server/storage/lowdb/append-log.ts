import { appendFileSync, closeSync, ftruncateSync, openSync } from "node:fs";
import { readFile, rm, truncate } from "node:fs/promises";
import { PRIVATE_FILE_MODE } from "./private-json-file.js";

/**
 * A file of whole lines that only grows, until it is emptied: what changed since a document was last written
 * whole. Appending costs the new lines, not the document. Like the documents, nothing is fsynced: a process
 * killed mid-append leaves a last line without its newline, which was never acknowledged and is cut off
 * when the log is opened again. Appends are written synchronously: a few kilobytes into the page cache cost
 * less than a round trip through libuv's thread pool, and callers gather a moment's lines into one append.
 */
export interface AppendLog {
  readonly path: string;
  /** The lines appended since the log was last emptied. */
  readonly lines: readonly string[];
  append(lines: readonly string[]): Promise<void>;
  /** Empties the log (its lines are in the document now). */
  clear(): Promise<void>;
  close(): Promise<void>;
  /** Closes the log and deletes its file (its lines are in the document now). */
  remove(): Promise<void>;
}

export async function openAppendLog(path: string): Promise<AppendLog> {
  let text = "";
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const whole = text.lastIndexOf("\n") + 1;
  if (whole < text.length) await truncate(path, Buffer.byteLength(text.slice(0, whole), "utf8"));
  const lines = text.slice(0, whole).split("\n").slice(0, -1);
  let fd: number | null = null;
  const file = () => (fd ??= openSync(path, "a", PRIVATE_FILE_MODE));
  const close = async () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    path,
    lines,
    async append(added) {
      if (added.length > 0) appendFileSync(file(), `${added.join("\n")}\n`, "utf8");
    },
    async clear() {
      ftruncateSync(file(), 0);
    },
    close,
    async remove() {
      await close();
      await rm(path, { force: true });
    },
  };
}

/** For the in-memory storage: nothing is kept. */
export function memoryAppendLog(): AppendLog {
  return { path: "memory", lines: [], append: async () => {}, clear: async () => {}, close: async () => {}, remove: async () => {} };
}
