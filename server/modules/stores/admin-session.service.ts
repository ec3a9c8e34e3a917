import { decodeHexPayload, decryptIframePayload, type IframePayload } from "../../ecwid/iframe-payload.js";
import { EcwidApiError } from "../../ecwid/ecwid-api-error.js";
import { AppError } from "../../lib/errors.js";
import type { SessionTokens } from "../../lib/session-tokens.js";
import type { InstallService } from "./install.service.js";

export const ADMIN_AUDIENCE = "questline-admin";
export const ADMIN_SESSION_SECONDS = 60 * 60;

export interface AdminSession {
  token: string;
  storeId: number;
  lang: string;
  expiresIn: number;
}

/**
 * Turns what Ecwid hands the admin iframe into a short-lived session scoped to one store.
 * The encrypted payload proves itself; a plain token (hex fragment form) is trusted only once
 * it is the token we already hold for that store or Ecwid's API confirms it belongs to that store.
 * Either way an App Market install that never went through OAuth is recorded here, on first open.
 */
export class AdminSessionService {
  constructor(private readonly deps: { installs: InstallService; tokens: SessionTokens; clientSecret: string }) {}

  fromEncryptedPayload(payload: string): Promise<AdminSession> {
    return this.open(decryptIframePayload(payload, this.deps.clientSecret));
  }

  fromHexPayload(hex: string): Promise<AdminSession> {
    return this.open(decodeHexPayload(hex));
  }

  fromStoreToken(storeId: number, accessToken: string, lang = "en"): Promise<AdminSession> {
    return this.open({ store_id: storeId, access_token: accessToken, lang });
  }

  private async open(payload: Pick<IframePayload, "store_id" | "access_token" | "lang" | "public_token">): Promise<AdminSession> {
    const { installs, tokens } = this.deps;
    const storeId = payload.store_id;
    if (!(await installs.holdsToken(storeId, payload.access_token))) {
      try {
        await installs.recordToken({ storeId, accessToken: payload.access_token, publicToken: payload.public_token ?? null });
      } catch (error) {
        if (error instanceof EcwidApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
          throw new AppError("unauthorized", "Ecwid did not confirm this token for this store");
        }
        throw error;
      }
    }
    const install = await installs.requireActive(storeId);
    const token = tokens.sign(ADMIN_AUDIENCE, { storeId, actor: install.ownerEmail ?? `store-${storeId}-admin` }, ADMIN_SESSION_SECONDS);
    return { token, storeId, lang: payload.lang ?? install.lang, expiresIn: ADMIN_SESSION_SECONDS };
  }
}
