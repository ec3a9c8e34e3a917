import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileProofPhotoStore } from "../../server/storage/lowdb/proof-photos.file-store.js";
import { aStoreId } from "../support/storage-fixtures.js";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x0a, 0xff, 0xd9]);
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** What only the lowdb file adapter's photo store has: its files, their modes, and what it will not read or write. */
describe("lowdb proof photo files", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "questline-proofs-"));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("when a photo is put, then it is one private file under proofs/<store>/<id>, with no temp file left", async () => {
    const storeId = aStoreId();
    await createFileProofPhotoStore(dataDir).put(storeId, "tsk_abc123", { type: "image/jpeg", data: JPEG });

    const dir = join(dataDir, "proofs", String(storeId));
    expect(await readdir(dir)).toEqual(["tsk_abc123"]);
    expect(await readFile(join(dir, "tsk_abc123"))).toEqual(Buffer.concat([Buffer.from("image/jpeg\n"), JPEG]));
    expect(await modeOf(join(dir, "tsk_abc123"))).toBe(0o600);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dataDir, "proofs"))).toBe(0o700);
  });

  it("when an id would leave the store's folder, then nothing is written and nothing is read", async () => {
    const storeId = aStoreId();
    const photos = createFileProofPhotoStore(dataDir);
    await writeFile(join(dataDir, "secret"), "image/jpeg\nnot yours");

    await expect(photos.put(storeId, "../../secret", { type: "image/jpeg", data: JPEG })).rejects.toThrow(/invalid completion id/);
    expect(await photos.get(storeId, "../../secret")).toBeNull();
    await photos.remove(storeId, "../../secret");
    expect(await readFile(join(dataDir, "secret"), "utf8")).toBe("image/jpeg\nnot yours");
  });

  it("when a file does not start with a photo type, then it is not served", async () => {
    const storeId = aStoreId();
    const photos = createFileProofPhotoStore(dataDir);
    await photos.put(storeId, "tsk_abc123", { type: "image/jpeg", data: JPEG });
    await writeFile(join(dataDir, "proofs", String(storeId), "tsk_abc123"), "text/html\n<script>");

    expect(await photos.get(storeId, "tsk_abc123")).toBeNull();
  });
});
