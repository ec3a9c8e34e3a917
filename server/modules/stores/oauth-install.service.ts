import crypto from "node:crypto";
import { EcwidApiError } from "../../ecwid/ecwid-api-error.js";
import type { Clock } from "../../lib/clock.js";
import type { EcwidOAuthClient } from "../../ecwid/oauth-client.js";
import { AppError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { safeEqual } from "../../lib/secret-box.js";
import type { SessionTokens } from "../../lib/session-tokens.js";
import type { WebhookReceiptRepository } from "../inbox/webhook-receipt.js";
import type { Install } from "./install.js";
import type { InstallService } from "./install.service.js";

const STATE_AUDIENCE = "questline-oauth-state";
export const OAUTH_STATE_SECONDS = 10 * 60;

export interface CallbackInput {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
  /** The nonce our start step left in the merchant's browser, when the browser sent it back. */
  browserNonce?: string | undefined;
}

/**
 * The full OAuth install (CONTRACT §1). Ecwid's docs never mention `state`, so whether it comes back
 * is unverified: a returned state must be ours, unexpired and match the browser's nonce; a callback
 * without one is still accepted, because the code exchange itself needs our client secret and can only
 * install the store the code was issued for.
 */
export class OAuthInstallService {
  constructor(
    private readonly deps: {
      oauth: EcwidOAuthClient;
      installs: InstallService;
      tokens: SessionTokens;
      /** Remembers exchanged codes: Ecwid disables the first token when a code is exchanged twice. */
      seen: WebhookReceiptRepository;
      clock: Clock;
      redirectUri: string;
      scopes: string[];
    },
  ) {}

  start(): { url: string; nonce: string } {
    const nonce = newId("st");
    const state = this.deps.tokens.sign(STATE_AUDIENCE, { nonce }, OAUTH_STATE_SECONDS);
    return { url: this.deps.oauth.authorizeUrl({ redirectUri: this.deps.redirectUri, scopes: this.deps.scopes, state }), nonce };
  }

  async complete(input: CallbackInput): Promise<Install> {
    if (input.error) {
      throw new AppError("forbidden", input.error === "access_denied" ? "The installation was cancelled in Ecwid. Nothing was installed." : `Ecwid reported: ${input.error}`);
    }
    if (input.state !== undefined) this.checkState(input.state, input.browserNonce);
    if (!input.code) throw new AppError("bad_request", "Ecwid did not send an authorization code");
    // A reload or a prefetch of the callback must not exchange the code again (CONTRACT §1.4).
    const codeKey = `oauth-code:${crypto.createHash("sha256").update(input.code).digest("base64url")}`;
    const exchanged = await this.deps.seen.find(codeKey);
    if (exchanged) return this.deps.installs.requireActive(exchanged.storeId);

    let token;
    try {
      token = await this.deps.oauth.exchangeCode({ code: input.code, redirectUri: this.deps.redirectUri });
    } catch (error) {
      if (!(error instanceof EcwidApiError)) throw error;
      // Ecwid refusing the code (a made-up, reused or stale one) is the caller's doing, not an outage of ours.
      if (error.status !== null && error.status >= 400 && error.status < 500) {
        throw new AppError("bad_request", "Ecwid did not accept the authorization code. Please start the installation again.");
      }
      throw new AppError("upstream_failed", "Ecwid could not be reached to finish the installation. Please try again.");
    }
    await this.deps.seen.remember({ eventId: codeKey, storeId: token.store_id, fingerprint: "oauth-code", receivedAt: this.deps.clock.now().toISOString() });
    return this.deps.installs.recordToken({
      storeId: token.store_id,
      accessToken: token.access_token,
      publicToken: token.public_token ?? null,
      scopes: token.scope.split(/\s+/).filter(Boolean),
      ownerEmail: token.email ?? null,
    });
  }

  private checkState(state: string, browserNonce: string | undefined): void {
    const claims = this.deps.tokens.verify(STATE_AUDIENCE, state);
    const nonce = typeof claims?.nonce === "string" ? claims.nonce : null;
    const matchesBrowser = browserNonce === undefined || (nonce !== null && safeEqual(nonce, browserNonce));
    if (!nonce || !matchesBrowser) {
      throw new AppError("forbidden", "This installation link is invalid or has expired. Please start the installation again from Ecwid.");
    }
  }
}
