import type { Clock } from "../../lib/clock.js";
import { AppError, notFound, unauthorized } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { clientNetwork } from "../../lib/rate-limit/client-network.js";
import { enforceLimits, type RateLimiter, type RateLimiters } from "../../lib/rate-limit/rate-limiter.js";
import { parseInput } from "../../lib/validation.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import type { InstallRepository } from "../stores/install.js";
import { apiKeyCreateSchema, type ApiKey, type ApiKeyScope } from "./api-key.js";
import { addressOf, hashToken, lastUseIsStale, MAX_API_KEYS, mintToken, tokenMatches } from "./api-key.rules.js";

/** What the merchant sees of a key: never its hash, and the key itself only in the answer that made it. */
export type ApiKeyView = Omit<ApiKey, "hash" | "storeId"> & { shown: string };

/** Who a working key lets in. */
export interface ApiKeyCaller {
  storeId: number;
  scope: ApiKeyScope;
  actor: string;
}

/*
 * A key is 256 random bits, so guessing is hopeless; the limit keeps a caller from spending our reads on keys
 * that do not work. It counts per caller address (an IPv6 /64), never per store or for all, so nobody can use
 * it up for anyone else, and a working key never spends it.
 */
const BAD_KEYS_PER_ADDRESS = {
  name: "admin-bad-api-key-address",
  points: 20,
  windowSeconds: 15 * 60,
  refusal: "Too many requests with API keys that do not work from here; try again in a few minutes",
};

const viewOf = ({ hash: _hash, storeId, ...key }: ApiKey): ApiKeyView => ({ ...key, shown: `ql_${storeId}_${key.id.slice("key_".length)}_…${key.lastFour}` });

/** Revokes every key of the store (on uninstall), audited under `actor`. */
export async function revokeAllApiKeys(tx: Pick<StoreTransaction, "apiKeys" | "audit">, storeId: number, actor: string, now: Date): Promise<void> {
  const removed = await tx.apiKeys.removeAll(storeId);
  for (const id of removed) await tx.audit.append(storeId, { id: newId("aud"), storeId, actor, action: "api_key.revoked", subject: id, details: {}, createdAt: now.toISOString() });
}

/** Merchants' keys for the admin API: made and revoked from the dashboard, checked on every request that carries one. */
export class ApiKeyService {
  private readonly badKeys: RateLimiter;

  constructor(private readonly deps: { storage: UnitOfWork<"apiKeys" | "audit">; installs: Pick<InstallRepository, "get">; clock: Clock; rateLimiters: RateLimiters }) {
    this.badKeys = deps.rateLimiters(BAD_KEYS_PER_ADDRESS);
  }

  async list(storeId: number): Promise<ApiKeyView[]> {
    return (await this.deps.storage.read(storeId, (tx) => tx.apiKeys.list(storeId))).map(viewOf);
  }

  /** A new key; `token` is the only time the key itself is shown. */
  async create(storeId: number, input: unknown, actor: string): Promise<{ key: ApiKeyView; token: string }> {
    const { name, scope } = parseInput(apiKeyCreateSchema, input);
    const id = newId("key");
    const token = mintToken(storeId, id);
    const createdAt = this.deps.clock.now().toISOString();
    const key: ApiKey = { id, storeId, name, scope, hash: hashToken(token), lastFour: token.slice(-4), createdAt, createdBy: actor, lastUsedAt: null };
    await this.deps.storage.transaction(storeId, async (tx) => {
      if ((await tx.apiKeys.list(storeId)).length >= MAX_API_KEYS) throw new AppError("limit_reached", `A store may hold ${MAX_API_KEYS} API keys; revoke one first`);
      await tx.apiKeys.insert(storeId, key);
      await tx.audit.append(storeId, { id: newId("aud"), storeId, actor, action: "api_key.created", subject: id, details: { name, scope }, createdAt });
    });
    return { key: viewOf(key), token };
  }

  async revoke(storeId: number, keyId: string, actor: string): Promise<void> {
    await this.deps.storage.transaction(storeId, async (tx) => {
      const key = await tx.apiKeys.get(storeId, keyId);
      if (!key) throw notFound(`No API key ${keyId}`);
      await tx.apiKeys.remove(storeId, keyId);
      const details = { name: key.name, scope: key.scope };
      await tx.audit.append(storeId, { id: newId("aud"), storeId, actor, action: "api_key.revoked", subject: keyId, details, createdAt: this.deps.clock.now().toISOString() });
    });
  }

  /** The caller a key lets in; a key that is malformed, unknown, revoked or of an uninstalled store is 401 (429 once the caller's budget is spent). */
  async authenticate(token: string, callerAddress: string): Promise<ApiKeyCaller> {
    const key = await this.find(token);
    if (!key) {
      await enforceLimits([[this.badKeys, clientNetwork(callerAddress)]]);
      throw unauthorized("The API key is not valid or has been revoked");
    }
    const now = this.deps.clock.now();
    if (lastUseIsStale(key, now)) await this.deps.storage.transaction(key.storeId, (tx) => tx.apiKeys.setLastUsed(key.storeId, key.id, now.toISOString()));
    return { storeId: key.storeId, scope: key.scope, actor: `API key '${key.name}'` };
  }

  private async find(token: string): Promise<ApiKey | null> {
    const address = addressOf(token);
    // The install is read first: an unknown store's document is never opened for a stranger's key.
    if (!address || (await this.deps.installs.get(address.storeId))?.status !== "active") return null;
    const key = await this.deps.storage.read(address.storeId, (tx) => tx.apiKeys.get(address.storeId, address.keyId));
    return key && tokenMatches(key, token) ? key : null;
  }
}
