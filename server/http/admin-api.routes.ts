import { Router } from "express";
import { z } from "zod";
import type { Storage } from "../storage/storage.port.js";
import type { SessionTokens } from "../lib/session-tokens.js";
import type { Clock } from "../lib/clock.js";
import { listAuditLog } from "../modules/audit/audit-log.js";
import type { LedgerService } from "../modules/ledger/ledger.service.js";
import { adjustmentSchema } from "../modules/ledger/ledger.rules.js";
import type { CatalogService } from "../modules/catalog/catalog.service.js";
import type { EmailService } from "../modules/emails/email.service.js";
import type { BackfillService } from "../modules/orders/backfill.service.js";
import type { ProgramMeasurementService } from "../modules/program/program-measurement.service.js";
import type { TaskService } from "../modules/program/task.service.js";
import type { ProgramItemsService } from "../modules/settings/program-items.service.js";
import type { SettingsService } from "../modules/settings/settings.service.js";
import { searchMembers } from "../modules/members/member-directory.js";
import type { AdminSessionService } from "../modules/stores/admin-session.service.js";
import type { InstallService } from "../modules/stores/install.service.js";
import type { CustomerGroupsService } from "../modules/tiers/customer-groups.service.js";
import type { TierAdminService } from "../modules/tiers/tier-admin.service.js";
import type { ExportService } from "../modules/exports/export.service.js";
import type { BalanceImportService } from "../modules/balance-import/balance-import.service.js";
import type { HoldoutInsightsService } from "../modules/holdout/holdout-insights.js";
import type { OrderFetchService } from "../modules/simulations/order-fetch.service.js";
import type { SimulationService } from "../modules/simulations/simulation.service.js";
import type { ApiKeyService } from "../modules/api-keys/api-key.service.js";
import { adminAmbassadorRoutes } from "./admin-ambassadors.routes.js";
import type { WebhookEndpointService } from "../modules/webhooks/webhook-endpoints.service.js";
import { adminApiKeyRoutes } from "./admin-api-keys.routes.js";
import { adminOf, requireAdmin } from "./admin-auth.js";
import { adminCatalogRoutes } from "./admin-catalog.routes.js";
import { adminCustomerGroupRoutes } from "./admin-customer-groups.routes.js";
import { adminEmailRoutes } from "./admin-emails.routes.js";
import { adminExportRoutes } from "./admin-export.routes.js";
import { adminInsightsRoutes } from "./admin-insights.routes.js";
import { adminImportRoutes } from "./admin-import.routes.js";
import { adminHoldoutRoutes } from "./admin-holdout.routes.js";
import { adminProgramRoutes } from "./admin-program.routes.js";
import { adminProofRoutes } from "./admin-proofs.routes.js";
import { adminReferralRoutes } from "./admin-referrals.routes.js";
import { adminSimulationRoutes } from "./admin-simulations.routes.js";
import { adminRewardsRoutes } from "./admin-rewards.routes.js";
import { adminTemplateRoutes } from "./admin-templates.routes.js";
import { adminTierRoutes } from "./admin-tiers.routes.js";
import { openApiRoutes } from "./openapi/openapi.routes.js";
import { describeRoute } from "./openapi/route-doc.js";
import { adminWebhookRoutes } from "./admin-webhooks.routes.js";
import { mount } from "./openapi/route-walk.js";
import { programMeasurementRoutes } from "./program-measurement.routes.js";
import { storableJson } from "./storable-input.js";
import { parseInput } from "./validate.js";
import { memberParams } from "./route-params.js";

const sessionRequest = z.union([
  z.strictObject({ payload: z.string().min(1) }),
  // Ecwid's tokens are about 40 characters; a huge one would make Ecwid refuse the headers, which reads as an outage.
  z.strictObject({ storeId: z.coerce.number().int().positive(), accessToken: z.string().min(1).max(200), lang: z.string().max(10).optional() }),
]);
const page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
const memberSearch = page.extend({ email: z.string().max(320).optional() });

export interface AdminApiDeps {
  storage: Storage;
  tokens: SessionTokens;
  installs: InstallService;
  adminSessions: AdminSessionService;
  ledger: LedgerService;
  settings: SettingsService;
  programItems: ProgramItemsService;
  backfill: BackfillService;
  programMeasurements: ProgramMeasurementService;
  catalog: CatalogService;
  emails: EmailService;
  tasks: TaskService;
  customerGroups: CustomerGroupsService;
  tierAdmin: TierAdminService;
  exports: ExportService;
  apiKeys: ApiKeyService;
  balanceImport: BalanceImportService;
  holdoutInsights: HoldoutInsightsService;
  orderFetches: OrderFetchService;
  webhookEndpoints: WebhookEndpointService;
  simulations: SimulationService;
  clock: Clock;
}

/**
 * The dashboard's JSON API, also the base for integrators: Bearer session JWT or API key, JSON `{ code, message }` errors.
 * Every route is declared for the OpenAPI document with `describeRoute` (see openapi/README.md).
 */
export function adminApiRoutes(deps: AdminApiDeps): Router {
  const router = Router();
  router.use(storableJson("100kb"));

  router.use(openApiRoutes(router, "/api/admin"));

  router.post(
    "/session",
    describeRoute({
      tag: "Session",
      summary: "Exchange the Ecwid iframe's payload (or a store id and its Ecwid token) for a session token",
      access: "public",
      body: sessionRequest,
    }),
    async (req, res) => {
      const body = parseInput(sessionRequest, req.body);
      const session =
        "payload" in body
          ? await deps.adminSessions.fromEncryptedPayload(body.payload)
          : await deps.adminSessions.fromStoreToken(body.storeId, body.accessToken, body.lang, req.ip ?? "unknown");
      res.json(session);
    },
  );

  router.use(requireAdmin(deps.tokens, deps.installs, deps.apiKeys));
  router.use(adminProgramRoutes(deps));
  router.use(programMeasurementRoutes(deps));
  router.use(adminCatalogRoutes(deps));
  router.use(adminCustomerGroupRoutes(deps));
  router.use(adminEmailRoutes(deps));
  router.use(adminRewardsRoutes(deps));
  mount(router, "/program/proofs", adminProofRoutes(deps));
  mount(router, "/referrals", adminReferralRoutes(deps));
  router.use(adminTemplateRoutes(deps));
  router.use(adminAmbassadorRoutes(deps));
  router.use(adminTierRoutes(deps));
  router.use(adminExportRoutes(deps));
  router.use(adminInsightsRoutes(deps));
  router.use(adminApiKeyRoutes(deps));
  router.use(adminImportRoutes(deps));
  router.use(adminHoldoutRoutes(deps));
  router.use(adminSimulationRoutes(deps));

  router.use(adminWebhookRoutes(deps));
  router.get("/store", describeRoute({ tag: "Store", summary: "The store: name, currency and language" }), async (_req, res) => {
    const { storeId } = adminOf(res.locals);
    const install = await deps.installs.requireActive(storeId);
    res.json({
      storeId,
      storeName: install.storeName,
      currency: install.currency,
      currencyPrecision: install.currencyPrecision,
      lang: install.lang,
      timeZone: install.timeZone,
      installedAt: install.installedAt,
    });
  });

  router.get("/members", describeRoute({ tag: "Members", summary: "Members, newest first, optionally by email", query: memberSearch }), async (req, res) => {
    const { storeId } = adminOf(res.locals);
    const query = parseInput(memberSearch, req.query);
    res.json(await searchMembers(deps.storage, storeId, query));
  });

  router.get(
    "/members/:memberId/ledger",
    describeRoute({ tag: "Members", summary: "A member's ledger entries, newest first", params: memberParams, query: page }),
    async (req, res) => {
      const { storeId } = adminOf(res.locals);
      const { memberId } = parseInput(memberParams, req.params);
      res.json(await deps.ledger.history(storeId, memberId, parseInput(page, req.query)));
    },
  );

  router.post(
    "/members/:memberId/adjustments",
    describeRoute({
      tag: "Members",
      summary: "Add or take points by hand, with a reason (Idempotency-Key header: a repeat changes nothing)",
      params: memberParams,
      body: adjustmentSchema,
      answer: { status: 201, description: "Made (200 when the Idempotency-Key was seen before)" },
    }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { memberId } = parseInput(memberParams, req.params);
      const body = parseInput(z.strictObject({ points: z.unknown(), reason: z.unknown(), visibleToShopper: z.unknown().optional() }), req.body ?? {});
      const { points, reason, visibleToShopper } = body;
      const result = await deps.ledger.adjust({ storeId, memberId, points, reason, visibleToShopper, actor, requestKey: req.get("idempotency-key") ?? null });
      res.status(result.created ? 201 : 200).json(result);
    },
  );

  router.get("/audit", describeRoute({ tag: "Audit", summary: "Who changed what, newest first", query: page }), async (req, res) => {
    const { storeId } = adminOf(res.locals);
    const query = parseInput(page, req.query);
    res.json(await listAuditLog(deps.storage, storeId, query));
  });

  return router;
}
