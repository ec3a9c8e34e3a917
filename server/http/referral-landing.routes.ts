import crypto from "node:crypto";
import { Router, type ErrorRequestHandler, type RequestHandler, type Response } from "express";
import { AppError, notFound } from "../lib/errors.js";
import { clientNetwork } from "../lib/rate-limit/client-network.js";
import { enforceLimits, type RateLimiter, type RateLimiters } from "../lib/rate-limit/rate-limiter.js";
import { gonePage, sayFrom, type LandingPage } from "../modules/referrals/referral-landing.rules.js";
import type { ReferralLandingService } from "../modules/referrals/referral-landing.service.js";
import { LANDING_TEXTS } from "../modules/i18n/landing-texts.js";
import { parseInput } from "./validate.js";
import { storeParams } from "./route-params.js";

/** Per caller network, across the landing, its QR code and the share card: people follow a link a few times, not hundreds. */
const VISITS = { name: "referral-visits", points: 120, windowSeconds: 60, refusal: "Too many visits from your network. Please wait a minute and try again." };

const limitPerNetwork =
  (limiter: RateLimiter): RequestHandler =>
  async (req, _res, next) => {
    await enforceLimits([[limiter, clientNetwork(req.ip ?? "unknown")]]);
    next();
  };

function render(res: Response, page: LandingPage, status = 200): void {
  // The page's own script and style carry a nonce: nothing else may run, load or frame it.
  const nonce = crypto.randomBytes(16).toString("base64");
  res.set({
    "Content-Security-Policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    "X-Robots-Tag": "noindex, nofollow",
    // Each visit is counted, and the page is the shop's current offer.
    "Cache-Control": "no-store",
  });
  res.status(status).render("referral/landing", { page, nonce });
}

const GONE = gonePage({ lang: "en", say: sayFrom(LANDING_TEXTS.en), store: null });

/** Whatever went wrong on the way to a landing (a rate limit, a path that does not decode), a friend sees the friendly page. */
const friendlyErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent || req.path.endsWith("/qr.svg")) return next(error);
  const limited = error instanceof AppError && error.code === "rate_limited";
  req.log.info({ code: limited ? "rate_limited" : "referral_landing_refused" }, "referral landing refused");
  if (limited && typeof (error.details as { retryAfterSeconds?: unknown })?.retryAfterSeconds === "number") {
    res.set("Retry-After", String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
  }
  render(res, GONE, limited ? 429 : 200);
};

/**
 * `GET /r/:code`, the referral landing, and `GET /r/:code/qr.svg`, its link as a QR code; `share` is mounted at
 * `/api/storefront/:storeId` for the shop's share card. One limit per caller network covers all three.
 */
export function referralRoutes(deps: { landing: ReferralLandingService; rateLimiters: RateLimiters }): { landing: Router; share: Router } {
  const limit = limitPerNetwork(deps.rateLimiters(VISITS));
  return { landing: landingRoutes(deps.landing, limit), share: shareCardRoutes(deps.landing, limit) };
}

function landingRoutes(landing: ReferralLandingService, limit: RequestHandler): Router {
  const router = Router();

  router.get("/r/:code", limit, async (req, res) => {
    const page = await landing.visit({
      code: req.params.code,
      channel: req.query.ch,
      query: req.query as Record<string, unknown>,
      referer: req.get("referer"),
      userAgent: req.get("user-agent"),
      address: req.ip ?? "unknown",
    });
    render(res, page);
  });

  router.get("/r/:code/qr.svg", limit, async (req, res) => {
    const svg = await landing.qrSvg(req.params.code);
    if (!svg) throw notFound("No referral link has this code");
    res.type("image/svg+xml").set("Cache-Control", "public, max-age=86400").send(svg);
  });

  // A link cut or stretched on its way (a trailing word, a second slash) is still a friend arriving: the friendly page.
  router.get(["/r", "/r/*rest"], (_req, res) => render(res, GONE));
  router.use("/r", friendlyErrors);
  return router;
}

/** `GET /api/storefront/:storeId/share-card.png`: the shop's card for link previews, kept long when asked by its current key. */
function shareCardRoutes(landing: ReferralLandingService, limit: RequestHandler): Router {
  const router = Router({ mergeParams: true });
  router.get("/share-card.png", limit, async (req, res) => {
    const { storeId } = parseInput(storeParams, req.params);
    const card = await landing.shareCard(storeId);
    if (!card) throw notFound("This shop has no share card");
    res.set({ ETag: `"${card.key}"`, "Cache-Control": req.query.v === card.key ? "public, max-age=604800, immutable" : "public, max-age=300" });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type("png").send(card.png);
  });
  return router;
}
