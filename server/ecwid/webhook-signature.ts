import crypto from "node:crypto";

/**
 * Ecwid signs only `{eventCreated}.{eventId}` with HMAC-SHA256 keyed by the app's client_secret (CONTRACT §3.4).
 * A caller that checks many gives the secret as a KeyObject made once: from a string, every HMAC builds its key anew (~4x the cost).
 */
export function signWebhook(eventCreated: number | string, eventId: string, clientSecret: string | crypto.KeyObject): string {
  return crypto.createHmac("sha256", clientSecret).update(`${eventCreated}.${eventId}`, "utf8").digest("base64");
}

/** Compared in constant time; a signature's length is no secret (an HMAC-SHA256 in base64 is always 44 characters), so it is compared first. */
export function isWebhookSignatureValid(signature: string | undefined, eventCreated: number | string, eventId: string, clientSecret: string | crypto.KeyObject): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature.trim(), "utf8");
  const expected = Buffer.from(signWebhook(eventCreated, eventId, clientSecret), "utf8");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
