import { decryptIframePayload, type IframePayload } from "../../ecwid/iframe-payload.js";
import { clientNetwork } from "../../lib/rate-limit/client-network.js";
import { enforceLimits, type RateLimiter, type RateLimiters } from "../../lib/rate-limit/rate-limiter.js";
import type { SessionTokens } from "../../lib/session-tokens.js";
import type { InstallService } from "./install.service.js";

export const ADMIN_AUDIENCE = "questline-admin";
export const ADMIN_SESSION_SECONDS = 60 * 60;

/*
 * Tokens nobody vouches for (the legacy fragment) cost an Ecwid call each, and Ecwid blocks an IP that sends
 * more than 20 requests a minute, or 600 in all, with tokens that do not work (CONTRACT §4.4). A budget shared
 * by all callers would keep our server's IP safest, but anyone could spend it and shut every merchant out
 * (issue 8). So the encrypted payload, which proves itself and carries a working token, is never counted; an
 * unproven token is counted per caller address and per store, and a refused token costs exactly one Ecwid call
 * (the profile read fails first). At 5 a quarter hour per address it takes some 60 addresses acting together to
 * reach Ecwid's 20 a minute from our server; short of a budget anyone can drain, that is as far as we can push it.
 */
const UNPROVEN_PER_ADDRESS = {
  name: "admin-unproven-address",
  points: 5,
  windowSeconds: 15 * 60,
  refusal: "Too many sign-in attempts from here; try again in a few minutes",
};
const UNPROVEN_PER_STORE = {
  name: "admin-unproven-store",
  points: 10,
  windowSeconds: 15 * 60,
  refusal: "Too many unconfirmed sign-in attempts for this store; open the app from the Ecwid control panel or try again in a few minutes",
};

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
  private readonly unprovenPerAddress: RateLimiter;
  private readonly unprovenPerStore: RateLimiter;

  constructor(private readonly deps: { installs: InstallService; tokens: SessionTokens; clientSecret: string; rateLimiters: RateLimiters }) {
    this.unprovenPerAddress = deps.rateLimiters(UNPROVEN_PER_ADDRESS);
    this.unprovenPerStore = deps.rateLimiters(UNPROVEN_PER_STORE);
  }

  fromEncryptedPayload(payload: string): Promise<AdminSession> {
    return this.open(decryptIframePayload(payload, this.deps.clientSecret));
  }

  /** The legacy fragment form: the browser decoded Ecwid's hex payload and sends what it says. */
  async fromStoreToken(storeId: number, accessToken: string, lang: string | undefined, ip: string): Promise<AdminSession> {
    if (!(await this.deps.installs.holdsToken(storeId, accessToken))) {
      await enforceLimits([
        [this.unprovenPerAddress, clientNetwork(ip)],
        [this.unprovenPerStore, String(storeId)],
      ]);
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
