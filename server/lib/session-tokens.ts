import { createSecretKey } from "node:crypto";
import jwt from "jsonwebtoken";

/** Short-lived signed tokens, each bound to an audience so an admin token never passes as a shopper's. */
export interface SessionTokens {
  sign(audience: string, claims: Record<string, unknown>, ttlSeconds: number): string;
  /** Returns the claims, or null for an expired, forged or other-audience token. */
  verify(audience: string, token: string): Record<string, unknown> | null;
}

/** Verified tokens kept; past this, the oldest kept goes first. Only verified tokens are kept, so no caller can fill it with made-up ones. */
export const VERIFIED_TOKENS_KEPT = 10_000;

interface Verified {
  claims: Record<string, unknown>;
  /** UNIX seconds: from then on the token is expired. */
  exp: number;
}

export function createSessionTokens(secret: string, now: () => Date, keepAtMost = VERIFIED_TOKENS_KEPT): SessionTokens {
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  // Made once: given the secret as a string, jsonwebtoken builds a key object on every call (~300 µs a verify).
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  // A widget sends the same token with every call: its signature is checked once, and its expiry every time.
  const verified = new Map<string, Verified>();
  const keep = (cacheKey: string, claims: Record<string, unknown>) => {
    if (typeof claims.exp !== "number") return;
    if (verified.size >= keepAtMost) verified.delete(verified.keys().next().value!);
    verified.set(cacheKey, { claims, exp: claims.exp });
  };
  return {
    sign(audience, claims, ttlSeconds) {
      const iat = nowSeconds();
      return jwt.sign({ ...claims, iat, exp: iat + ttlSeconds }, key, { algorithm: "HS256", audience, issuer: "questline" });
    },
    verify(audience, token) {
      const cacheKey = `${audience}\n${token}`;
      const clock = nowSeconds();
      const kept = verified.get(cacheKey);
      if (kept) {
        if (clock < kept.exp) return { ...kept.claims };
        verified.delete(cacheKey);
      }
      try {
        const claims = jwt.verify(token, key, { algorithms: ["HS256"], audience, issuer: "questline", clockTimestamp: clock });
        if (typeof claims !== "object") return null;
        keep(cacheKey, claims as Record<string, unknown>);
        return { ...(claims as Record<string, unknown>) };
      } catch {
        return null;
      }
    },
  };
}
