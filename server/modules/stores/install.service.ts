import { EcwidApiError } from "../../ecwid/ecwid-api-error.js";
import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { Storage } from "../../storage/storage.port.js";
import { revokeAllApiKeys } from "../api-keys/api-key.service.js";
import type { Install } from "./install.js";
import { installFromProfile, uninstalled } from "./install.rules.js";

export interface InstallServiceDeps {
  storage: Pick<Storage, "installs" | "purgeStoreData" | "transaction">;
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

  /**
   * A token the admin page handed over (Ecwid's payload, or the legacy fragment that anyone can forge).
   * It is trusted only when it is the token we hold, or when Ecwid confirms it is a secret token of this
   * store; and it replaces ours only when ours no longer works (a reinstall), so a stale or stolen payload
   * can never swap a working token for a dead one.
   */
  async adoptHandedToken(input: { storeId: number; accessToken: string; publicToken?: string | null }): Promise<Install> {
    const { storeId, accessToken } = input;
    if (await this.holdsToken(storeId, accessToken)) return this.requireActive(storeId);
    if (/^public_/i.test(accessToken)) throw new AppError("unauthorized", "A public storefront token cannot open the dashboard");
    await this.confirmSecretToken(storeId, accessToken);
    const current = await this.deps.storage.installs.get(storeId);
    if (current?.status === "active" && current.accessTokenSealed && (await this.tokenWorks(storeId, this.deps.secretBox.open(current.accessTokenSealed)))) {
      return current;
    }
    return this.recordToken({ storeId, accessToken, publicToken: input.publicToken ?? null });
  }

  /** True when the store is installed and its sealed token is exactly this one: no Ecwid call needed. */
  async holdsToken(storeId: number, accessToken: string): Promise<boolean> {
    const install = await this.deps.storage.installs.get(storeId);
    if (install?.status !== "active" || !install.accessTokenSealed) return false;
    return this.deps.secretBox.open(install.accessTokenSealed) === accessToken;
  }

  /**
   * The token must read this store's profile and its orders: a public token can do the first, never the second.
   * Callers that cannot vouch for the token limit how often it is asked (AdminSessionService).
   */
  private async confirmSecretToken(storeId: number, accessToken: string): Promise<void> {
    try {
      const profile = await this.deps.ecwid.getProfile(storeId, accessToken);
      if (profile.generalInfo.storeId !== storeId) throw new AppError("unauthorized", "Ecwid did not confirm this token for this store");
      await this.deps.ecwid.searchOrders(storeId, accessToken, { limit: 1 });
    } catch (error) {
      if (error instanceof EcwidApiError && error.status !== null && [401, 402, 403, 404].includes(error.status)) {
        throw new AppError("unauthorized", "Ecwid did not confirm this token for this store");
      }
      throw error;
    }
  }

  private async tokenWorks(storeId: number, accessToken: string): Promise<boolean> {
    try {
      await this.deps.ecwid.getProfile(storeId, accessToken);
      return true;
    } catch (error) {
      if (error instanceof EcwidApiError && (error.status === 401 || error.status === 403)) return false;
      throw error;
    }
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

  /** Forgets the token and revokes the API keys at once; program data waits out the grace period. Repeating it changes nothing. */
  async uninstall(storeId: number): Promise<void> {
    const install = await this.deps.storage.installs.get(storeId);
    if (install?.status !== "active") return;
    const now = this.deps.clock.now();
    await this.deps.storage.installs.save(storeId, uninstalled(install, now, this.deps.graceDays));
    try {
      await this.deps.storage.transaction(storeId, (tx) => revokeAllApiKeys(tx, storeId, "uninstall", now));
    } catch (err) {
      // The uninstall stands (keys are refused while the store is not active); a store whose data cannot be read keeps its keys with it.
      this.deps.logger.error({ err, storeId }, "API keys of an uninstalled store could not be revoked");
    }
    this.deps.logger.info({ storeId }, "store uninstalled; data kept for the grace period");
  }

  /** Deletes the data of stores whose grace period has ended. Returns the purged store ids. */
  async purgeExpired(): Promise<number[]> {
    const { storage, clock, logger } = this.deps;
    const due = await storage.installs.listDueForPurge(clock.now());
    const purged: number[] = [];
    for (const install of due) {
      const current = await storage.installs.get(install.storeId);
      if (current?.status !== "uninstalled" || current.purgeAfter !== install.purgeAfter) continue; // reinstalled meanwhile
      try {
        await storage.purgeStoreData(install.storeId);
        await storage.installs.remove(install.storeId);
      } catch (err) {
        // One store that cannot be purged (its file is damaged, say) must not keep every later store's data forever.
        logger.error({ err, storeId: install.storeId }, "purge of an uninstalled store failed; it is tried again next time");
        continue;
      }
      logger.info({ storeId: install.storeId }, "store data purged after the grace period");
      purged.push(install.storeId);
    }
    return purged;
  }
}
