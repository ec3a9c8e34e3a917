import type { Low } from "lowdb";
import type { Install, InstallRepository } from "../../modules/stores/install.js";
import { checkStoreId, type InstallsDocument } from "./lowdb-documents.js";
import { SerialDocument } from "./serial-document.js";
import { timeOf } from "./time-ordered-log.js";
import { copy } from "./copy.js";

export interface LowdbInstallRepository extends InstallRepository {
  /** Refuses new calls, then waits for the writes already accepted. */
  close(): Promise<void>;
}

/** Installs recorded before the shop's address was kept read as naming none. */
const read = (install: Install): Install => ({ ...copy(install), storeUrl: install.storeUrl ?? null });

/** Installs in their own document (installs.json), outside store transactions. */
export function createInstallRepository(db: Low<InstallsDocument>): LowdbInstallRepository {
  const document = new SerialDocument(db);
  const commit = (change: (installs: Record<string, Install>) => void) =>
    document.commit((current) => {
      const installs = { ...current.installs };
      change(installs);
      return { ...current, installs };
    });

  return {
    async get(storeId) {
      const install = document.data.installs[String(storeId)];
      return install ? read(install) : null;
    },
    async save(storeId, install) {
      checkStoreId(storeId);
      if (install.storeId !== storeId) throw new Error(`an install of store ${install.storeId} cannot be saved as store ${storeId}`);
      await commit((installs) => {
        installs[String(storeId)] = copy(install);
      });
    },
    async listDueForPurge(now) {
      const due = Object.values(document.data.installs).flatMap((install) => {
        if (install.status !== "uninstalled" || install.purgeAfter === null) return [];
        const at = timeOf(install.purgeAfter, "install purgeAfter");
        return at <= now.getTime() ? [{ install, at }] : [];
      });
      return due.sort((a, b) => a.at - b.at || a.install.storeId - b.install.storeId).map(({ install }) => read(install));
    },
    async remove(storeId) {
      await commit((installs) => {
        delete installs[String(storeId)];
      });
    },
    close: () => document.close(),
  };
}
