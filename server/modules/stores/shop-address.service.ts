import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { Install, InstallRepository } from "./install.js";
import type { InstallService } from "./install.service.js";
import { profileStoreUrl } from "./install.rules.js";

/** After a profile that named no address, or a failed read, the store is asked again no sooner than this. */
const ASK_AGAIN_MS = 10 * 60 * 1000;

/**
 * The shop's storefront address for an active install. Installs recorded before the address was kept have none:
 * the first call reads the store's profile once and keeps what it names on the install.
 */
export class ShopAddressService {
  /** Stores asked lately, by when; bounded by the active installs. */
  readonly #asked = new Map<number, number>();

  constructor(private readonly deps: { installs: InstallRepository; tokens: Pick<InstallService, "accessToken">; ecwid: EcwidClient; clock: Clock; logger: Logger }) {}

  async of(install: Install): Promise<string | null> {
    if (install.storeUrl || install.status !== "active") return install.storeUrl;
    const now = this.deps.clock.now().getTime();
    const asked = this.#asked.get(install.storeId);
    if (asked !== undefined && now - asked < ASK_AGAIN_MS) return null;
    this.#asked.set(install.storeId, now);
    try {
      const profile = await this.deps.ecwid.getProfile(install.storeId, await this.deps.tokens.accessToken(install.storeId));
      const storeUrl = profileStoreUrl(profile);
      const current = await this.deps.installs.get(install.storeId);
      if (storeUrl && current?.status === "active") await this.deps.installs.save(install.storeId, { ...current, storeUrl });
      return storeUrl;
    } catch (err) {
      this.deps.logger.warn({ err, storeId: install.storeId }, "the store's profile could not be read for its address");
      return null;
    }
  }
}
