import { decryptIframePayload, type IframePayload } from "../../ecwid/iframe-payload.js";
import { AppError } from "../../lib/errors.js";
import type { SessionTokens } from "../../lib/session-tokens.js";
import { SlidingWindowLimiter } from "../../lib/sliding-window-limiter.js";
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
  /** Unproven tokens cost an Ecwid call each, and Ecwid blocks an IP that sends ~20 bad tokens a minute. */
  private readonly unprovenPerIp: SlidingWindowLimiter;

  constructor(private readonly deps: { installs: InstallService; tokens: SessionTokens; clientSecret: string; now: () => number }) {
    this.unprovenPerIp = new SlidingWindowLimiter(5, 60_000, deps.now);
  }

  fromEncryptedPayload(payload: string): Promise<AdminSession> {
    return this.open(decryptIframePayload(payload, this.deps.clientSecret));
  }

  /** The legacy fragment form: the browser decoded Ecwid's hex payload and sends what it says. */
  async fromStoreToken(storeId: number, accessToken: string, lang: string | undefined, ip: string): Promise<AdminSession> {
    if (!(await this.deps.installs.holdsToken(storeId, accessToken)) && !this.unprovenPerIp.allow(ip)) {
      throw new AppError("rate_limited", "Too many sign-in attempts from here; try again in a minute");
    }
    return this.open({ store_id: storeId, access_token: accessToken, lang: lang ?? "en" });
  }

  private async open(payload: Pick<IframePayload, "store_id" | "access_token" | "lang" | "public_token">): Promise<AdminSession> {
    const { installs, tokens } = this.deps;
    const storeId = payload.store_id;
    const install = await installs.adoptHandedToken({ storeId, accessToken: payload.access_token, publicToken: payload.public_token ?? null });
    const token = tokens.sign(ADMIN_AUDIENCE, { storeId, actor: install.ownerEmail ?? `store-${storeId}-admin` }, ADMIN_SESSION_SECONDS);
    return { token, storeId, lang: payload.lang ?? install.lang, expiresIn: ADMIN_SESSION_SECONDS };
  }
}
