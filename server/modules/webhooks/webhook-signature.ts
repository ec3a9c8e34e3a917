import crypto from "node:crypto";

export const SIGNATURE_HEADER = "Questline-Signature";

/** Stripe-style: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = crypto.createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** A new endpoint secret: `whsec_` and 32 random bytes, base64url. */
export const newEndpointSecret = (): string => `whsec_${crypto.randomBytes(32).toString("base64url")}`;
