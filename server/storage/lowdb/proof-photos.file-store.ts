import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ProofPhoto, ProofPhotoStore } from "../../modules/program/proof-photo.js";
import { checkStoreId } from "./lowdb-documents.js";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tempFileName } from "./private-json-file.js";

const PHOTO_TYPES: readonly ProofPhoto["type"][] = ["image/jpeg", "image/png", "image/webp"];
/** Completion ids are `tsk_` and 16 letters or digits; anything else names no file (no `..`, no `/`). */
const COMPLETION_ID = /^[a-z]{1,8}_[a-z0-9]{1,48}$/;

/**
 * Proof photos as files: `${dataDir}/proofs/${storeId}/${completionId}`, the content type on the first line and
 * the image's bytes after it. Written like the store files (a private temp file renamed over the name), so a
 * killed process leaves a whole photo or none; folders 0700, files 0600.
 */
export function createFileProofPhotoStore(dataDir: string): ProofPhotoStore {
  const storeDir = (storeId: number) => {
    checkStoreId(storeId);
    return join(dataDir, "proofs", String(storeId));
  };
  const pathOf = (storeId: number, completionId: string) => (COMPLETION_ID.test(completionId) ? join(storeDir(storeId), completionId) : null);

  return {
    async put(storeId, completionId, photo) {
      const path = pathOf(storeId, completionId);
      if (!path) throw new Error(`invalid completion id: ${completionId}`);
      const dir = storeDir(storeId);
      await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      const temp = join(dir, tempFileName(completionId));
      await writeFile(temp, Buffer.concat([Buffer.from(`${photo.type}\n`, "latin1"), photo.data]), { mode: PRIVATE_FILE_MODE });
      await rename(temp, path);
    },
    async get(storeId, completionId) {
      const path = pathOf(storeId, completionId);
      if (!path) return null;
      let file: Buffer;
      try {
        file = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      const newline = file.indexOf(0x0a);
      const type = PHOTO_TYPES.find((one) => one === file.toString("latin1", 0, newline));
      // A file this store did not write whole is not served as a photo.
      return newline > 0 && type ? { type, data: file.subarray(newline + 1) } : null;
    },
    async remove(storeId, completionId) {
      const path = pathOf(storeId, completionId);
      if (path) await rm(path, { force: true });
    },
    async purge(storeId) {
      await rm(storeDir(storeId), { recursive: true, force: true });
    },
  };
}
