import { z } from "zod";

export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A merchant's key for the admin API. Only the SHA-256 of the key is kept; the key itself is shown once. */
export interface ApiKey {
  id: string;
  storeId: number;
  name: string;
  scope: ApiKeyScope;
  /** Hex SHA-256 of the whole key. */
  hash: string;
  /** The key's last four characters, so the merchant can tell keys apart. */
  lastFour: string;
  createdAt: string;
  createdBy: string;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
}

export interface ApiKeyRepository {
  insert(storeId: number, key: ApiKey): Promise<void>;
  get(storeId: number, id: string): Promise<ApiKey | null>;
  /** Oldest first. */
  list(storeId: number): Promise<ApiKey[]>;
  remove(storeId: number, id: string): Promise<void>;
  /** The ids of the keys removed. */
  removeAll(storeId: number): Promise<string[]>;
  setLastUsed(storeId: number, id: string, at: string): Promise<void>;
}

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(60).describe("What the key is for, e.g. the tool that uses it"),
  scope: z.enum(API_KEY_SCOPES).describe("read: GET only; write: everything the dashboard does except managing keys"),
});

export type ApiKeyInput = z.infer<typeof apiKeyCreateSchema>;

export const apiKeyParamsSchema = z.object({ keyId: z.string().min(1).max(64) });
