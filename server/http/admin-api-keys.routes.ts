import { Router } from "express";
import { apiKeyCreateSchema, apiKeyParamsSchema } from "../modules/api-keys/api-key.js";
import type { ApiKeyService } from "../modules/api-keys/api-key.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const tag = "API keys";

/** `/api-keys`: the merchant's keys for this API, managed from the dashboard's session only (a key cannot make or revoke keys). */
export function adminApiKeyRoutes(deps: { apiKeys: ApiKeyService }): Router {
  const router = Router();

  router.get("/api-keys", describeRoute({ tag, summary: "The store's API keys (never the keys themselves)", access: "session" }), async (_req, res) => {
    res.json({ items: await deps.apiKeys.list(adminOf(res.locals).storeId) });
  });

  router.post(
    "/api-keys",
    describeRoute({ tag, summary: "Make a key; the answer's `token` is the only time the key is shown", access: "session", body: apiKeyCreateSchema, answer: { status: 201 } }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      res.status(201).json(await deps.apiKeys.create(storeId, req.body ?? {}, actor));
    },
  );

  router.delete(
    "/api-keys/:keyId",
    describeRoute({ tag, summary: "Revoke a key: it stops working at once", access: "session", params: apiKeyParamsSchema, answer: { status: 204 } }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      await deps.apiKeys.revoke(storeId, parseInput(apiKeyParamsSchema, req.params).keyId, actor);
      res.status(204).end();
    },
  );

  return router;
}
