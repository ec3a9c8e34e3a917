import { raw, type Express } from "express";
import { webhookEventSchema } from "../ecwid/webhook-event.js";
import { AppError } from "../lib/errors.js";
import { jsonNestsDeeperThan } from "../lib/json-depth.js";
import { parsedJsonHoldsUnstorableText } from "../lib/storable-text.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../lib/metrics.js";
import type { IntakeOutcome, WebhookIntakeService } from "../modules/inbox/webhook-intake.service.js";
import { sendJsonBytes } from "./send-encoded.js";
import { parseInput } from "./validate.js";

/** Ecwid nests two levels, the event and its data (CONTRACT §3.3); this is far beyond that and far below any stack limit. */
const MAX_WEBHOOK_DEPTH = 32;

/** Each answer Ecwid can get, serialised once (the outcomes are a handful). */
const answers = new Map<IntakeOutcome, Buffer>();
const answer = (outcome: IntakeOutcome) => {
  let bytes = answers.get(outcome);
  if (!bytes) answers.set(outcome, (bytes = Buffer.from(JSON.stringify({ ok: true, outcome }), "utf8")));
  return bytes;
};

/**
 * POST /webhooks/ecwid with its own raw-body parser (the signature is over parsed fields, but the body
 * must be parsed exactly once, here). Ecwid counts only 200/201/202/204/209 as delivered. Declared on the
 * app itself: a router of its own would be entered and left by every request the app serves.
 */
export function addWebhookRoute(app: Express, intake: WebhookIntakeService, metrics: Metrics, logger: Logger): void {
  app.post("/webhooks/ecwid", raw({ type: () => true, limit: "256kb" }), async (req, res) => {
    const text = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    if (jsonNestsDeeperThan(text, MAX_WEBHOOK_DEPTH)) throw new AppError("bad_request", `The webhook body is nested deeper than ${MAX_WEBHOOK_DEPTH} levels`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The webhook body is not valid JSON");
    }
    if (typeof body !== "object" || body === null) throw new AppError("bad_request", "The webhook body is not a JSON object");
    if (parsedJsonHoldsUnstorableText(text, body)) throw new AppError("bad_request", "The webhook body holds NUL or an unpaired surrogate, which no store can keep");
    intake.verifySignature(req.get("x-ecwid-webhook-signature"), body as Record<string, unknown>);
    const event = parseInput(webhookEventSchema, body);
    const outcome = await intake.accept(event);
    metrics.webhooks.inc({ outcome });
    // The request line already says a webhook was answered 200; at thousands a second a second line per webhook costs more than
    // its worth, and so does the request's own logger made only to skip it.
    if (logger.isLevelEnabled("debug")) req.log.debug({ eventId: event.eventId, eventType: event.eventType, storeId: event.storeId, outcome }, "webhook accepted");
    sendJsonBytes(res, 200, answer(outcome));
  });
}
