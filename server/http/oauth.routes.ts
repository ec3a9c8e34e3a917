import { Router } from "express";
import { parse as parseCookies } from "cookie";
import type { OAuthInstallService } from "../modules/stores/oauth-install.service.js";
import { OAUTH_STATE_SECONDS } from "../modules/stores/oauth-install.service.js";

const NONCE_COOKIE = "ql_oauth_nonce";
const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/** GET /oauth/start and /oauth/callback: the merchant's top-level browser, so a Lax cookie works here. */
export function oauthRoutes(deps: { oauthInstall: OAuthInstallService; secureCookies: boolean; landingUrl: (storeId: number) => string }): Router {
  const router = Router();

  router.get("/oauth/start", (_req, res) => {
    const { url, nonce } = deps.oauthInstall.start();
    res.cookie(NONCE_COOKIE, nonce, { httpOnly: true, sameSite: "lax", secure: deps.secureCookies, maxAge: OAUTH_STATE_SECONDS * 1000, path: "/oauth" });
    res.redirect(302, url);
  });

  router.get("/oauth/callback", async (req, res) => {
    const browserNonce = parseCookies(req.get("cookie") ?? "")[NONCE_COOKIE];
    res.clearCookie(NONCE_COOKIE, { path: "/oauth" });
    const install = await deps.oauthInstall.complete({
      code: str(req.query.code),
      state: str(req.query.state),
      error: str(req.query.error),
      browserNonce,
    });
    res.redirect(302, deps.landingUrl(install.storeId));
  });

  return router;
}
