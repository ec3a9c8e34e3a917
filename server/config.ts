import { z } from "zod";

/** The only reader of process.env. Every key is documented here and in app.json. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public HTTPS origin the app is reachable at (used for OAuth redirect and the URLs registered with Ecwid). */
  BASE_URL: z.url().optional(),
  /** The app's client_id from Ecwid. Absent: demo mode against the built-in Ecwid emulator. */
  ECWID_CLIENT_ID: z.string().min(1).optional(),
  ECWID_CLIENT_SECRET: z.string().min(16, "must be the app's client_secret (at least 16 characters)").optional(),
  ECWID_API_URL: z.url().optional(),
  ECWID_OAUTH_URL: z.url().optional(),
  /** Ecwid control panel, where the merchant lands after installing. */
  ECWID_CP_URL: z.url().optional(),
  ECWID_APP_UI_CSS_URL: z.url().default("https://d35z3p2poghz10.cloudfront.net/ecwid-sdk/css/1.3.19/ecwid-app-ui.css"),
  ECWID_APP_SDK_URL: z.url().default("https://djqizrxa6f10j.cloudfront.net/ecwid-sdk/js/1.3.0/ecwid-app.js"),
  /** Client-side throttle per store, under Ecwid's 600 requests a minute per token. */
  ECWID_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(540),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 random characters").optional(),
  ENCRYPTION_KEY: z.string().min(32, "must be at least 32 random characters").optional(),
  UNINSTALL_GRACE_DAYS: z.coerce.number().int().min(0).default(30),
  /** SMTP server for shopper sign-in codes, e.g. smtps://user:pass@smtp.example.com:465. Absent: an in-memory outbox (demo). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Questline <no-reply@questline.invalid>"),
  /** Proxies in front of the app whose X-Forwarded-For to believe (Heroku and most load balancers: 1). 0 trusts none. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** How long a worker holds a taken webhook event; a worker that dies lets it lapse and another takes it again. */
  INBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Bearer token Prometheus must send to read GET /metrics. Absent: /metrics is off (404). */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 random characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Tests only: outgoing webhooks may call loopback addresses (plain http too, on loopback only). Off by default. */
  WEBHOOKS_ALLOW_LOOPBACK: z.enum(["0", "1"]).default("0"),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  env: "development" | "production" | "test";
  /** No Ecwid credentials: the app runs against the emulator mounted at /demo with a seeded shop. */
  demo: boolean;
  port: number;
  baseUrl: string;
  ecwid: {
    clientId: string;
    clientSecret: string;
    apiUrl: string;
    oauthUrl: string;
    cpUrl: string;
    appUiCssUrl: string | null;
    appSdkUrl: string | null;
    scopes: string[];
    requestsPerMinute: number;
  };
  storage: { dataDir: string; databaseUrl: string | null };
  sessionSecret: string;
  encryptionKey: string;
  uninstallGraceDays: number;
  inboxLeaseMs: number;
  mail: { smtpUrl: string | null; from: string };
  trustProxyHops: number;
  metricsToken: string | null;
  logLevel: string;
  /** Outgoing webhooks may call loopback (tests' own receivers); never in production. */
  webhooksAllowLoopback: boolean;
}

export const ECWID_SCOPES = [
  "read_store_profile",
  "update_store_profile",
  "read_catalog",
  "read_orders",
  "read_customers",
  "update_customers",
  "create_customers",
  "read_discount_coupons",
  "create_discount_coupons",
  "update_discount_coupons",
  "customize_storefront",
  "add_to_cp",
  "public_storefront",
];

/** Used only in demo mode, where nothing real is at stake. */
const DEMO_SECRETS = {
  clientId: "questline-demo",
  clientSecret: "demo-client-secret-0123456789",
  sessionSecret: "demo-session-secret-not-for-production-use",
  encryptionKey: "demo-encryption-key-not-for-production-use",
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function loadConfig(env: Env = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const demo = !e.ECWID_CLIENT_ID;
  const baseUrl = trimSlash(e.BASE_URL ?? `http://localhost:${e.PORT}`);

  if (!demo) {
    const required = ["BASE_URL", "ECWID_CLIENT_SECRET", "SESSION_SECRET", "ENCRYPTION_KEY"] as const;
    const missing = required.filter((key) => !e[key]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((key) => `${key} is required when ECWID_CLIENT_ID is set (see README, Configuration)`));
    }
  }

  const demoEcwid = `${baseUrl}/demo/ecwid`;
  return {
    env: e.NODE_ENV,
    demo,
    port: e.PORT,
    baseUrl,
    ecwid: {
      clientId: e.ECWID_CLIENT_ID ?? DEMO_SECRETS.clientId,
      clientSecret: e.ECWID_CLIENT_SECRET ?? DEMO_SECRETS.clientSecret,
      apiUrl: trimSlash(e.ECWID_API_URL ?? (demo ? `${demoEcwid}/api/v3` : "https://app.ecwid.com/api/v3")),
      oauthUrl: trimSlash(e.ECWID_OAUTH_URL ?? (demo ? `${demoEcwid}/api/oauth` : "https://my.ecwid.com/api/oauth")),
      cpUrl: trimSlash(e.ECWID_CP_URL ?? (demo ? `${baseUrl}/demo/admin` : "https://my.ecwid.com/cp")),
      appUiCssUrl: demo ? null : e.ECWID_APP_UI_CSS_URL,
      appSdkUrl: demo ? null : e.ECWID_APP_SDK_URL,
      scopes: ECWID_SCOPES,
      requestsPerMinute: e.ECWID_REQUESTS_PER_MINUTE,
    },
    storage: { dataDir: e.DATA_DIR, databaseUrl: e.DATABASE_URL ?? null },
    sessionSecret: e.SESSION_SECRET ?? DEMO_SECRETS.sessionSecret,
    encryptionKey: e.ENCRYPTION_KEY ?? DEMO_SECRETS.encryptionKey,
    uninstallGraceDays: e.UNINSTALL_GRACE_DAYS,
    inboxLeaseMs: e.INBOX_LEASE_SECONDS * 1000,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    trustProxyHops: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN ?? null,
    logLevel: e.LOG_LEVEL,
    webhooksAllowLoopback: e.WEBHOOKS_ALLOW_LOOPBACK === "1",
  };
}
