import crypto from "node:crypto";
import { z } from "zod";

/** What Ecwid hands a native app page about the store that opened it (CONTRACT §2.2). */
export const iframePayloadSchema = z.object({
  store_id: z.coerce.number().int().positive(),
  access_token: z.string().min(1),
  public_token: z.string().optional(),
  lang: z.string().default("en"),
  view_mode: z.string().optional(),
  app_state: z.string().optional(),
});
export type IframePayload = z.infer<typeof iframePayloadSchema>;

export class PayloadError extends Error {}

/**
 * Decrypts the `?payload=` form: url-safe base64 of IV(16) + AES-128-CBC ciphertext,
 * keyed by the first 16 characters of the client secret.
 */
export function decryptIframePayload(payload: string, clientSecret: string): IframePayload {
  let json: unknown;
  try {
    let b64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    const raw = Buffer.from(b64, "base64");
    if (raw.length < 32) throw new Error("too short");
    const key = Buffer.from(clientSecret.slice(0, 16), "utf8");
    const decipher = crypto.createDecipheriv("aes-128-cbc", key, raw.subarray(0, 16));
    json = JSON.parse(Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString("utf8"));
  } catch {
    throw new PayloadError("The Ecwid payload could not be decrypted with this app's secret");
  }
  const parsed = iframePayloadSchema.safeParse(json);
  if (!parsed.success) throw new PayloadError("The Ecwid payload is missing the store id or access token");
  return parsed.data;
}
