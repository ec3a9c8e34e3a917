import crypto from "node:crypto";
import { safeEqual } from "../lib/secret-box.js";

/** Ecwid signs only `{eventCreated}.{eventId}` with HMAC-SHA256 keyed by the app's client_secret (CONTRACT §3.4). */
export function signWebhook(eventCreated: number | string, eventId: string, clientSecret: string): string {
  return crypto.createHmac("sha256", clientSecret).update(`${eventCreated}.${eventId}`, "utf8").digest("base64");
}

export function isWebhookSignatureValid(signature: string | undefined, eventCreated: number | string, eventId: string, clientSecret: string): boolean {
  if (!signature) return false;
  return safeEqual(signature.trim(), signWebhook(eventCreated, eventId, clientSecret));
}
