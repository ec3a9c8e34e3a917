import { pino, type Logger } from "pino";

export type { Logger };

/** Keys that must never reach a log line, wherever they sit in a logged object. */
const secretKeys = ["access_token", "accessToken", "client_secret", "clientSecret", "payload", "authorization", "token", "code", "password", "secret"];
const redactPaths = secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `req.headers.${key}`]);

export function createRootLogger(options: { level: string; pretty?: boolean }): Logger {
  return pino({
    level: options.level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    ...(options.pretty ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
  });
}
