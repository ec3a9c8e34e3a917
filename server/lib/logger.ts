import { pino, type Logger } from "pino";

export type { Logger };

/** Keys that must never reach a log line, wherever they sit in a logged object. */
const secretKeys = ["access_token", "accessToken", "client_secret", "clientSecret", "payload", "authorization", "token", "code", "password", "secret"];
const secretKey = new Set(secretKeys.map((key) => key.toLowerCase()));
/** A quoted secret key followed by a colon: only a JSON key can look like that in a pino line (quotes in values are escaped). */
const mentionsSecret = new RegExp(`"(?:${secretKeys.join("|")})"\\s*:`, "i");

function censor(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(censor);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, secretKey.has(key.toLowerCase()) ? "[redacted]" : censor(item)]));
}

/**
 * Redacts on the finished line, at any depth and after serializers (an error's config, a child's bindings).
 * pino's path redaction costs ~20 µs a line with these wildcards; a line that names no secret key (nearly
 * every line) costs one regular-expression test here, and only one that does is parsed and rewritten.
 */
function redactLine(line: string): string {
  if (!mentionsSecret.test(line)) return line;
  try {
    return `${JSON.stringify(censor(JSON.parse(line)))}\n`;
  } catch {
    return `${JSON.stringify({ level: 50, time: Date.now(), msg: "a log line named a secret key and could not be parsed, so it was withheld" })}\n`;
  }
}

/** The app's logger: pino to stdout (or `destination`, for tests), secrets redacted. */
export function createRootLogger(options: { level: string; pretty?: boolean; destination?: pino.DestinationStream }): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    hooks: { streamWrite: redactLine },
    ...(options.pretty ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
