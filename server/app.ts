import path from "node:path";
import compression from "compression";
import express, { type Express, type Router } from "express";
import helmet from "helmet";
import { projectRoot as root } from "./lib/project-root.js";
import type { Container } from "./container.js";
import { adminApiRoutes } from "./http/admin-api.routes.js";
import { adminPageRoutes } from "./http/admin-page.routes.js";
import { errorHandler, notFoundHandler } from "./http/error-handler.js";
import { everyRequest, type RequestStep } from "./http/every-request.js";
import { healthRoutes } from "./http/health.routes.js";
import { metricsRoutes } from "./http/metrics.routes.js";
import { oauthRoutes } from "./http/oauth.routes.js";
import { labelRoute, mountedAt, routeMetrics } from "./http/route-metrics.js";
import { requestLog } from "./http/request-log.js";
import { refuseEncodedNul } from "./http/storable-input.js";
import { emailUnsubscribeRoutes } from "./http/email-unsubscribe.routes.js";
import { referralRoutes } from "./http/referral-landing.routes.js";
import { storefrontRoutes } from "./http/storefront.routes.js";
import { addWebhookRoute } from "./http/webhooks.routes.js";

/** Ecwid's control panel frames the admin page; nobody else may. */
const ECWID_FRAME_ANCESTORS = ["https://my.ecwid.com", "https://*.ecwid.com", "https://*.lightspeedhq.com"];

const noSniff: RequestStep = (_req, res) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
};

export interface AppExtras {
  /** Routers mounted before the app's own (demo pages and the emulator in demo mode). */
  before?: Router[];
}

/** Builds the Express app; never listens, so tests run it on port 0. */
export function createApp(container: Container, extras: AppExtras = {}): Express {
  const { config } = container;
  const app = express();
  app.disable("x-powered-by");
  // Per-IP limits read req.ip: only X-Forwarded-For hops added by our own proxies may set it.
  app.set("trust proxy", config.trustProxyHops);
  app.set("view engine", "ejs");
  app.set("views", path.join(root, "views"));

  app.use(
    everyRequest(
      requestLog(container.logger, {
        skip: (path) => path === "/healthz",
        // Demo mode's built-in Ecwid answers the app's own calls: a line for each would bury the log.
        debug: (path) => path.startsWith("/demo/ecwid/"),
      }),
      routeMetrics(container.metrics),
      refuseEncodedNul,
      noSniff,
    ),
  );
  // Ecwid's webhooks and the widget's API answer JSON to machines, many times a second. They come before helmet
  // (its headers guard documents a browser renders) and compression (the program is stored compressed, the
  // other answers are a few hundred bytes): each costs more per request than the route itself.
  addWebhookRoute(app, container.webhookIntake, container.metrics, container.logger);
  app.use("/api/storefront/:storeId", mountedAt("/api/storefront/:storeId"), storefrontRoutes(container));
  const referral = referralRoutes({ landing: container.referralLanding, rateLimiters: container.storage.rateLimiters });
  app.use("/api/storefront/:storeId", mountedAt("/api/storefront/:storeId"), referral.share);
  app.use(
    helmet({
      frameguard: false,
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: "cross-origin" },
      contentSecurityPolicy: {
        directives: {
          "frame-ancestors": ["'self'", ...ECWID_FRAME_ANCESTORS],
          "script-src": ["'self'", "https://*.cloudfront.net"],
          "style-src": ["'self'", "'unsafe-inline'", "https://*.cloudfront.net"],
          "img-src": ["'self'", "data:", "blob:", "https:"],
          "connect-src": ["'self'", "https://app.ecwid.com"],
          "upgrade-insecure-requests": config.baseUrl.startsWith("https:") ? [] : null,
        },
      },
    }),
  );

  app.use(compression());
  for (const router of extras.before ?? []) app.use(router);
  app.use(healthRoutes(container.storage));
  app.use(metricsRoutes(container.metrics, config.metricsToken));
  app.use(
    oauthRoutes({
      oauthInstall: container.oauthInstall,
      secureCookies: config.baseUrl.startsWith("https:"),
      landingUrl: () => `${config.ecwid.cpUrl}#app:name=${encodeURIComponent(config.ecwid.clientId)}`,
    }),
  );
  app.use(emailUnsubscribeRoutes(container.unsubscribe));
  app.use(referral.landing);
  app.use(adminPageRoutes({ adminSessions: container.adminSessions, storage: container.storage, options: config.ecwid }));
  app.use("/api/admin", mountedAt("/api/admin"), adminApiRoutes(container));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false, setHeaders: (res) => labelRoute(res, "static") }));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
