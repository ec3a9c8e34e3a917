import type { Low } from "lowdb";
import type { Install, InstallRepository } from "../../modules/stores/install.js";
import { KeyedMutex } from "./keyed-mutex.js";
import { checkStoreId, type InstallsDocument } from "./lowdb-documents.js";
import { timeOf } from "./time-ordered-log.js";
import { copy } from "./transaction-scope.js";

export interface LowdbInstallRepository extends InstallRepository {
  /** Refuses new calls, then waits for the writes already accepted. */
  close(): Promise<void>;
}

/**
 * Installs in their own document, outside store transactions. Writes are serialised, and the new
 * document becomes visible to readers only once it is on disk, so a failed write changes nothing.
 */
export function createInstallRepository(db: Low<InstallsDocument>): LowdbInstallRepository {
  const lock = new KeyedMutex<"installs">();
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new Error("storage is closed");
  };

  const commit = (change: (installs: Record<string, Install>) => void) => {
    assertOpen();
    return lock.run("installs", async () => {
      const installs = { ...db.data.installs };
      change(installs);
      const next: InstallsDocument = { ...db.data, installs };
      await db.adapter.write(next);
      db.data = next;
    });
  };

  return {
    async get(storeId) {
      assertOpen();
      const install = db.data.installs[String(storeId)];
      return install ? copy(install) : null;
    },
    async save(storeId, install) {
      checkStoreId(storeId);
      if (install.storeId !== storeId) throw new Error(`an install of store ${install.storeId} cannot be saved as store ${storeId}`);
      await commit((installs) => {
        installs[String(storeId)] = copy(install);
      });
    },
    async listDueForPurge(now) {
      assertOpen();
      const due = Object.values(db.data.installs).flatMap((install) => {
        if (install.status !== "uninstalled" || install.purgeAfter === null) return [];
        const at = timeOf(install.purgeAfter, "install purgeAfter");
        return at <= now.getTime() ? [{ install, at }] : [];
      });
      return due.sort((a, b) => a.at - b.at || a.install.storeId - b.install.storeId).map(({ install }) => copy(install));
    },
    async remove(storeId) {
      await commit((installs) => {
        delete installs[String(storeId)];
      });
    },
    async close() {
      closed = true;
      await lock.idle();
    },
  };
}
