import { createSecretKey } from "node:crypto";
import jwt from "jsonwebtoken";

/** Short-lived signed tokens, each bound to an audience so an admin token never passes as a shopper's. */
export interface SessionTokens {
  sign(audience: string, claims: Record<string, unknown>, ttlSeconds: number): string;
  /** Returns the claims, or null for an expired, forged or other-audience token. */
  verify(audience: string, token: string): Record<string, unknown> | null;
}

export function createSessionTokens(secret: string, now: () => Date): SessionTokens {
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  // Made once: given the secret as a string, jsonwebtoken builds a key object on every call (~300 µs a verify).
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  return {
    sign(audience, claims, ttlSeconds) {
      const iat = nowSeconds();
      return jwt.sign({ ...claims, iat, exp: iat + ttlSeconds }, key, { algorithm: "HS256", audience, issuer: "questline" });
    },
    verify(audience, token) {
      try {
        const claims = jwt.verify(token, key, { algorithms: ["HS256"], audience, issuer: "questline", clockTimestamp: nowSeconds() });
        return typeof claims === "object" ? (claims as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    },
  };
}
