import { Router } from "express";
import { z } from "zod";
import { notFound } from "../lib/errors.js";
import { backfillRangeSchema, type BackfillService } from "../modules/orders/backfill.service.js";
import type { ProgramItemsService } from "../modules/settings/program-items.service.js";
import { versionOf } from "../modules/settings/program-version.rules.js";
import type { SettingsService } from "../modules/settings/settings.service.js";
import { programSettingsSchema } from "../modules/settings/program-settings.js";
import type { Storage } from "../storage/storage.port.js";
import type { Clock } from "../lib/clock.js";
import { adminOf } from "./admin-auth.js";
import { programRoutes } from "./program.routes.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const eventParams = z.object({ eventId: z.string().min(1).max(200) });
const jobParams = z.object({ jobId: z.string().min(1).max(64) });

/** Program settings, order imports and the webhook inbox's failures (mounted behind requireAdmin). */
export function adminProgramRoutes(deps: { settings: SettingsService; programItems: ProgramItemsService; backfill: BackfillService; storage: Storage; clock: Clock }): Router {
  const router = Router();

  // The whole program in one document, under one version that changes whenever any part of it does.
  router.get(
    "/settings",
    describeRoute({ tag: "Program", summary: "The whole program as one document; its ETag is the version a PUT sends back as If-Match" }),
    async (_req, res) => {
      const settings = await deps.settings.get(adminOf(res.locals).storeId);
      res.set("ETag", versionOf(settings)).json(settings);
    },
  );

  router.put(
    "/settings",
    describeRoute({ tag: "Program", summary: "Replace the whole program (If-Match: a stale version is 412)", body: programSettingsSchema }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const settings = await deps.settings.update(storeId, req.body, actor, req.get("if-match"));
      res.set("ETag", versionOf(settings)).json(settings);
    },
  );

  router.use(programRoutes(deps));

  router.post(
    "/backfills",
    describeRoute({ tag: "Order imports", summary: "Import past orders of a date range from Ecwid, in the background", body: backfillRangeSchema, answer: { status: 202 } }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      res.status(202).json(await deps.backfill.start(storeId, req.body, actor));
    },
  );

  router.get("/backfills", describeRoute({ tag: "Order imports", summary: "Order imports, with their progress" }), async (_req, res) => {
    res.json({ items: await deps.backfill.list(adminOf(res.locals).storeId) });
  });

  router.get("/backfills/:jobId", describeRoute({ tag: "Order imports", summary: "One order import and its progress", params: jobParams }), async (req, res) => {
    res.json(await deps.backfill.get(adminOf(res.locals).storeId, parseInput(jobParams, req.params).jobId));
  });

  router.get("/inbox", describeRoute({ tag: "Webhook inbox", summary: "Ecwid's webhooks by state, and those that failed" }), async (_req, res) => {
    const { storeId } = adminOf(res.locals);
    res.json({ counts: await deps.storage.inbox.counts(storeId), failed: await deps.storage.inbox.listFailed(storeId) });
  });

  router.post(
    "/inbox/:eventId/retry",
    describeRoute({ tag: "Webhook inbox", summary: "Try a failed webhook again", params: eventParams, answer: { status: 202 } }),
    async (req, res) => {
      const { storeId } = adminOf(res.locals);
      const { eventId } = parseInput(eventParams, req.params);
      const event = await deps.storage.inbox.get(storeId, eventId);
      if (event?.status !== "failed") throw notFound(`No failed event ${eventId}`);
      await deps.storage.inbox.requeue(storeId, eventId, deps.clock.now());
      res.status(202).json({ eventId, status: "pending" });
    },
  );

  return router;
}
