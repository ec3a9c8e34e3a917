import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { Storage } from "../../storage/storage.port.js";
import type { Install } from "./install.js";
import { installFromProfile, uninstalled } from "./install.rules.js";

export interface InstallServiceDeps {
  storage: Storage;
  ecwid: EcwidClient;
  secretBox: SecretBox;
  clock: Clock;
  logger: Logger;
  graceDays: number;
}

/** Installs, reinstalls, uninstalls and the purge after the grace period. */
export class InstallService {
  constructor(private readonly deps: InstallServiceDeps) {}

  /**
   * Records an install from a token Ecwid issued (OAuth exchange) or handed over (iframe payload).
   * The profile call both reads the store's currency and proves the token belongs to `storeId`.
   */
  async recordToken(input: { storeId: number; accessToken: string; publicToken?: string | null; scopes?: string[]; ownerEmail?: string | null }): Promise<Install> {
    const { storage, ecwid, secretBox, clock } = this.deps;
    const profile = await ecwid.getProfile(input.storeId, input.accessToken);
    if (profile.generalInfo.storeId !== input.storeId) {
      throw new AppError("forbidden", "The Ecwid token does not belong to this store");
    }
    const previous = await storage.installs.get(input.storeId);
    const install = installFromProfile({
      storeId: input.storeId,
      sealedToken: secretBox.seal(input.accessToken),
      publicToken: input.publicToken ?? null,
      scopes: input.scopes ?? previous?.scopes ?? [],
      ownerEmail: input.ownerEmail ?? null,
      profile,
      previous,
      now: clock.now(),
    });
    await storage.installs.save(input.storeId, install);
    this.deps.logger.info({ storeId: input.storeId, reinstall: previous !== null }, "store installed");
    return install;
  }

  /** True when the store is installed and its sealed token is exactly this one: no Ecwid call needed. */
  async holdsToken(storeId: number, accessToken: string): Promise<boolean> {
    const install = await this.deps.storage.installs.get(storeId);
    if (install?.status !== "active" || !install.accessTokenSealed) return false;
    return this.deps.secretBox.open(install.accessTokenSealed) === accessToken;
  }

  async requireActive(storeId: number): Promise<Install> {
    const install = await this.deps.storage.installs.get(storeId);
    if (install?.status !== "active") {
      throw new AppError("store_not_installed", `Store ${storeId} has not installed Questline`);
    }
    return install;
  }

  async accessToken(storeId: number): Promise<string> {
    const install = await this.requireActive(storeId);
    if (!install.accessTokenSealed) throw new AppError("store_not_installed", `Store ${storeId} has no Ecwid token`);
    return this.deps.secretBox.open(install.accessTokenSealed);
  }

  /** Forgets the token at once; program data waits out the grace period. Repeating it changes nothing. */
  async uninstall(storeId: number): Promise<void> {
    const install = await this.deps.storage.installs.get(storeId);
    if (install?.status !== "active") return;
    await this.deps.storage.installs.save(storeId, uninstalled(install, this.deps.clock.now(), this.deps.graceDays));
    this.deps.logger.info({ storeId }, "store uninstalled; data kept for the grace period");
  }

  /** Deletes the data of stores whose grace period has ended. Returns the purged store ids. */
  async purgeExpired(): Promise<number[]> {
    const { storage, clock, logger } = this.deps;
    const due = await storage.installs.listDueForPurge(clock.now());
    for (const install of due) {
      await storage.purgeStoreData(install.storeId);
      await storage.installs.remove(install.storeId);
      logger.info({ storeId: install.storeId }, "store data purged after the grace period");
    }
    return due.map((install) => install.storeId);
  }
}
