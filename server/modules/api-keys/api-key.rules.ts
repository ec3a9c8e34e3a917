import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKey } from "./api-key.js";

export const API_KEY_PREFIX = "ql_";
/** Keys a store may hold at once. */
export const MAX_API_KEYS = 20;
/** A key's last use is written at most this often, so a busy integration costs no write per request. */
export const LAST_USED_EVERY_MS = 60_000;

// ql_<store id>_<key id>_<32 random bytes, base64url>: the store and key id find the row, the secret proves the caller.
const KEY_SHAPE = /^ql_(\d{1,15})_([0-9a-z]{16})_([A-Za-z0-9_-]{43})$/;

export const isApiKeyToken = (token: string) => token.startsWith(API_KEY_PREFIX);

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh key for `keyId` (`key_` and 16 characters, from newId). */
export function mintToken(storeId: number, keyId: string): string {
  return `${API_KEY_PREFIX}${storeId}_${keyId.slice("key_".length)}_${randomBytes(32).toString("base64url")}`;
}

/** Where a presented key says it belongs, or null when it is not shaped like one of ours. */
export function addressOf(token: string): { storeId: number; keyId: string } | null {
  const match = KEY_SHAPE.exec(token);
  if (!match) return null;
  const storeId = Number(match[1]);
  return Number.isSafeInteger(storeId) && storeId > 0 ? { storeId, keyId: `key_${match[2]}` } : null;
}

/** Compares the digests in constant time. */
export function tokenMatches(key: Pick<ApiKey, "hash">, token: string): boolean {
  const stored = Buffer.from(key.hash, "hex");
  const presented = Buffer.from(hashToken(token), "hex");
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

export const lastUseIsStale = (key: Pick<ApiKey, "lastUsedAt">, now: Date) => key.lastUsedAt === null || now.getTime() - Date.parse(key.lastUsedAt) >= LAST_USED_EVERY_MS;
