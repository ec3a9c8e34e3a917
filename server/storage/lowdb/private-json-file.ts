import { readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";
import { DamagedFileError } from "./lowdb-documents.js";

/** Data files are readable by the app's user only; their folders are made 0700 by file-backend.ts. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export const tempFileName = (name: string) => `.${name}.tmp`;

/**
 * lowdb's DataFile made private. Like lowdb's writer (steno) it writes the whole text to `.${name}.tmp`
 * and renames it over the file: rename(2) within a directory is atomic, so a killed process leaves the
 * old or the new file, never a mix. The temp file is created 0600, and since a rename keeps the mode,
 * so is the file (steno creates it with the umask's default, usually world-readable). Writes queue
 * behind each other, so two never share the temp file. There is no fsync, as with steno.
 */
export class PrivateJsonFile<T> implements Adapter<T> {
  readonly #temp: string;
  #writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {
    this.#temp = join(dirname(path), tempFileName(basename(path)));
  }

  /** The parsed file, or null when there is none. Text that is not JSON is damage, never "no file". */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new DamagedFileError(this.path, text.trim() === "" ? "is empty" : "is not valid JSON (cut short or overwritten?)", { cause: error });
    }
    // lowdb takes null from an adapter to mean "no file yet", so a file holding `null` must not read as one.
    if (data === null) throw new DamagedFileError(this.path, "holds null");
    return data as T;
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const written = this.#writing.then(async () => {
      await writeFile(this.#temp, text, { mode: PRIVATE_FILE_MODE });
      await rename(this.#temp, this.path);
    });
    this.#writing = written.catch(() => undefined);
    return written;
  }
}
