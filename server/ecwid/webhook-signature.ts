import crypto from "node:crypto";
import { safeEqual } from "../lib/secret-box.js";

/**
 * Ecwid signs only `{eventCreated}.{eventId}` with HMAC-SHA256 keyed by the app's client_secret (CONTRACT §3.4).
 * A caller that checks many gives the secret as a KeyObject made once: from a string, every HMAC builds its key anew (~4x the cost).
 */
export function signWebhook(eventCreated: number | string, eventId: string, clientSecret: string | crypto.KeyObject): string {
  return crypto.createHmac("sha256", clientSecret).update(`${eventCreated}.${eventId}`, "utf8").digest("base64");
}

export function isWebhookSignatureValid(signature: string | undefined, eventCreated: number | string, eventId: string, clientSecret: string | crypto.KeyObject): boolean {
  if (!signature) return false;
  return safeEqual(signature.trim(), signWebhook(eventCreated, eventId, clientSecret));
}
