import { describe, expect, it } from "vitest";
import { anInstall, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { at, type ContractHarness } from "./contract-harness.js";

export function describeInstallsContract(h: ContractHarness): void {
  describe("installs", () => {
    it("when an install is saved, then get returns it as saved", async () => {
      const install = anInstall(aStoreId());
      await h.storage.installs.save(install.storeId, install);
      expect(await h.storage.installs.get(install.storeId)).toEqual(install);
    });

    it("when an install names no shop address, then get returns it with a null address", async () => {
      const install = anInstall(aStoreId(), { storeUrl: null });
      await h.storage.installs.save(install.storeId, install);
      expect(await h.storage.installs.get(install.storeId)).toEqual(install);
    });

    it("when no install was saved for a store, then get returns null", async () => {
      expect(await h.storage.installs.get(aStoreId())).toBeNull();
    });

    it("when an install is saved again, then the new version replaces the old", async () => {
      const install = anInstall(aStoreId());
      await h.storage.installs.save(install.storeId, install);
      const changed = { ...install, storeName: "Renamed", scopes: ["read_orders"], timeZone: "Europe/Oslo", storeUrl: "https://renamed.example/shop", updatedAt: minutesAfter(5) };
      await h.storage.installs.save(install.storeId, changed);
      expect(await h.storage.installs.get(install.storeId)).toEqual(changed);
    });

    it("when an install is removed, then get returns null and other installs stay", async () => {
      const gone = anInstall(aStoreId());
      const kept = anInstall(aStoreId());
      await h.storage.installs.save(gone.storeId, gone);
      await h.storage.installs.save(kept.storeId, kept);
      await h.storage.installs.remove(gone.storeId);
      await h.storage.installs.remove(aStoreId());
      expect(await h.storage.installs.get(gone.storeId)).toBeNull();
      expect(await h.storage.installs.get(kept.storeId)).toEqual(kept);
    });

    it("when an install's store id differs from the one given, then save is refused", async () => {
      const install = anInstall(aStoreId());
      await expect(h.storage.installs.save(install.storeId + 1, install)).rejects.toThrow();
      expect(await h.storage.installs.get(install.storeId + 1)).toBeNull();
    });

    it("when the caller changes a returned install, then the stored one is unchanged", async () => {
      const install = anInstall(aStoreId());
      await h.storage.installs.save(install.storeId, install);
      const read = await h.storage.installs.get(install.storeId);
      read?.scopes.push("everything");
      install.scopes.push("more");
      expect((await h.storage.installs.get(install.storeId))?.scopes).toEqual(["read_orders", "read_customers"]);
    });

    it("when uninstalled stores reach their purge date, then listDueForPurge returns exactly those, earliest first", async () => {
      const now = minutesAfter(50);
      const uninstalled = (purgeAfter: string | null) => anInstall(aStoreId(), { status: "uninstalled", accessTokenSealed: null, uninstalledAt: minutesAfter(0), purgeAfter });
      const later = uninstalled(minutesAfter(5));
      const earliest = uninstalled(minutesAfter(1));
      const exactlyNow = uninstalled(now);
      const notYet = uninstalled(minutesAfter(51));
      const noDate = uninstalled(null);
      const active = anInstall(aStoreId(), { purgeAfter: minutesAfter(1) });
      for (const install of [later, earliest, exactlyNow, notYet, noDate, active]) await h.storage.installs.save(install.storeId, install);

      const due = await h.storage.installs.listDueForPurge(at(now));

      const ours = new Set([later, earliest, exactlyNow, notYet, noDate, active].map((install) => install.storeId));
      expect(due.filter((install) => ours.has(install.storeId))).toEqual([earliest, later, exactlyNow]);
    });
  });
}
