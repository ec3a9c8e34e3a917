import { Router } from "express";
import { endpointCreateSchema, endpointParamsSchema, endpointUpdateSchema } from "../modules/webhooks/webhook-admin-schema.js";
import type { WebhookEndpointService } from "../modules/webhooks/webhook-endpoints.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const TAG = "Webhooks";

/** `/webhook-endpoints`: the merchant's outgoing webhook endpoints, their secrets, test events and deliveries. */
export function adminWebhookRoutes(deps: { webhookEndpoints: WebhookEndpointService }): Router {
  const router = Router();
  const service = deps.webhookEndpoints;

  router.get("/webhook-endpoints", describeRoute({ tag: TAG, summary: "The store's webhook endpoints (never their secrets)" }), async (_req, res) => {
    res.json(await service.list(adminOf(res.locals).storeId));
  });

  router.post(
    "/webhook-endpoints",
    describeRoute({
      tag: TAG,
      summary: "Add an endpoint: an https URL and the events it receives; answers its signing secret, shown this once",
      body: endpointCreateSchema,
      answer: { status: 201 },
    }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      res.status(201).json(await service.create(storeId, parseInput(endpointCreateSchema, req.body ?? {}), actor));
    },
  );

  router.patch(
    "/webhook-endpoints/:endpointId",
    describeRoute({
      tag: TAG,
      summary: "Change an endpoint; turning it on again resumes its paused deliveries",
      params: endpointParamsSchema,
      body: endpointUpdateSchema,
    }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { endpointId } = parseInput(endpointParamsSchema, req.params);
      res.json(await service.update(storeId, endpointId, parseInput(endpointUpdateSchema, req.body ?? {}), actor));
    },
  );

  router.delete(
    "/webhook-endpoints/:endpointId",
    describeRoute({ tag: TAG, summary: "Delete an endpoint and its deliveries", params: endpointParamsSchema, answer: { status: 204 } }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      await service.remove(storeId, parseInput(endpointParamsSchema, req.params).endpointId, actor);
      res.status(204).end();
    },
  );

  router.post(
    "/webhook-endpoints/:endpointId/roll-secret",
    describeRoute({ tag: TAG, summary: "Replace the endpoint's signing secret; answers the new one, shown this once", params: endpointParamsSchema }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      res.json(await service.rollSecret(storeId, parseInput(endpointParamsSchema, req.params).endpointId, actor));
    },
  );

  router.post(
    "/webhook-endpoints/:endpointId/test",
    describeRoute({ tag: TAG, summary: "Queue a webhook.test event for the endpoint", params: endpointParamsSchema, answer: { status: 202 } }),
    async (req, res) => {
      res.status(202).json(await service.sendTest(adminOf(res.locals).storeId, parseInput(endpointParamsSchema, req.params).endpointId));
    },
  );

  router.get(
    "/webhook-endpoints/:endpointId/deliveries",
    describeRoute({ tag: TAG, summary: "The endpoint's latest deliveries, newest first, each with its last answer", params: endpointParamsSchema }),
    async (req, res) => {
      res.json(await service.deliveries(adminOf(res.locals).storeId, parseInput(endpointParamsSchema, req.params).endpointId));
    },
  );

  return router;
}
