import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OrderFetch, OrderSnapshotStore, SnapshotOrder } from "../../modules/simulations/order-snapshot.js";
import { checkStoreId } from "./lowdb-documents.js";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tempFileName } from "./private-json-file.js";

/** Generations are `snap_` and 16 letters or digits; anything else names no file. */
const GENERATION = /^snap_[a-z0-9]{16}$/;
const ORDERS_FILE = /^(snap_[a-z0-9]{16})\.jsonl$/;

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Order snapshots as files under `${dataDir}/simulations/${storeId}/`: `fetch.json` (written to a temp file and
 * renamed over), and one `${generation}.jsonl` per generation, a page of orders appended at a time (so a large
 * snapshot is never rewritten). A line cut short by a killed process is skipped: its page was not counted done,
 * so it is fetched again, and the later line of an order wins.
 */
export function createFileOrderSnapshotStore(dataDir: string): OrderSnapshotStore {
  const storeDir = (storeId: number) => {
    checkStoreId(storeId);
    return join(dataDir, "simulations", String(storeId));
  };
  const ordersPath = (storeId: number, generation: string) => {
    if (!GENERATION.test(generation)) throw new Error(`invalid snapshot generation: ${generation}`);
    return join(storeDir(storeId), `${generation}.jsonl`);
  };
  const ensureDir = async (storeId: number) => {
    const dir = storeDir(storeId);
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    return dir;
  };

  return {
    async fetchOf(storeId) {
      const text = await readText(join(storeDir(storeId), "fetch.json"));
      return text === null ? null : (JSON.parse(text) as OrderFetch);
    },
    async saveFetch(storeId, fetch) {
      const dir = await ensureDir(storeId);
      const temp = join(dir, tempFileName("fetch.json"));
      await writeFile(temp, JSON.stringify(fetch), { mode: PRIVATE_FILE_MODE });
      await rename(temp, join(dir, "fetch.json"));
    },
    async putOrders(storeId, generation, orders) {
      const path = ordersPath(storeId, generation);
      await ensureDir(storeId);
      // Each page starts on a line of its own, so a line cut short by a killed process never swallows the next.
      if (orders.length > 0) await appendFile(path, orders.map((order) => `\n${JSON.stringify(order)}`).join(""), { mode: PRIVATE_FILE_MODE });
    },
    async orders(storeId, generation) {
      const text = await readText(ordersPath(storeId, generation));
      const byId = new Map<string, SnapshotOrder>();
      for (const line of text?.split("\n") ?? []) {
        try {
          const order = JSON.parse(line) as SnapshotOrder;
          byId.set(order.orderId, order);
        } catch {
          // an empty last line, or one cut short
        }
      }
      return [...byId.values()];
    },
    async keepOnly(storeId, keep) {
      let names: string[];
      try {
        names = await readdir(storeDir(storeId));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const name of names) {
        const generation = ORDERS_FILE.exec(name)?.[1];
        if (generation && !keep.includes(generation)) await rm(join(storeDir(storeId), name), { force: true });
      }
    },
    async purge(storeId) {
      await rm(storeDir(storeId), { recursive: true, force: true });
    },
  };
}
