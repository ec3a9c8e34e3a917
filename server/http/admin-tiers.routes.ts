import { Router } from "express";
import type { TierAdminService } from "../modules/tiers/tier-admin.service.js";
import { tierAssignmentSchema } from "../modules/tiers/tier-assignment.js";
import { tierProposalSchema } from "../modules/tiers/tier-preview.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";
import { memberParams } from "./route-params.js";

/** A member's tier state and changes (GET), an invitation-only tier given (PUT) or taken (DELETE); a proposed ladder previewed; how many hold each tier. */
export function adminTierRoutes(deps: { tierAdmin: TierAdminService }): Router {
  const router = Router();

  router.get("/members/:memberId/tier", describeRoute({ tag: "Tiers", summary: "A member's tier and its changes", params: memberParams }), async (req, res) => {
    const { storeId } = adminOf(res.locals);
    const { memberId } = parseInput(memberParams, req.params);
    res.json(await deps.tierAdmin.member(storeId, memberId));
  });

  router.put(
    "/members/:memberId/tier",
    describeRoute({ tag: "Tiers", summary: "Give a member an invitation-only tier", params: memberParams, body: tierAssignmentSchema }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { memberId } = parseInput(memberParams, req.params);
      const { tierId } = parseInput(tierAssignmentSchema, req.body ?? {});
      res.json(await deps.tierAdmin.assign(storeId, memberId, tierId, actor));
    },
  );

  router.delete("/members/:memberId/tier", describeRoute({ tag: "Tiers", summary: "Take back a tier given by hand", params: memberParams }), async (req, res) => {
    const { storeId, actor } = adminOf(res.locals);
    const { memberId } = parseInput(memberParams, req.params);
    res.json(await deps.tierAdmin.assign(storeId, memberId, null, actor));
  });

  /** Not under /program/tiers/: that path's next segment is a tier id. */
  router.get("/program/tier-counts", describeRoute({ tag: "Tiers", summary: "How many members hold each tier" }), async (_req, res) => {
    res.json(await deps.tierAdmin.counts(adminOf(res.locals).storeId));
  });

  router.post(
    "/program/tiers/preview",
    describeRoute({ tag: "Tiers", summary: "Which tier each member would hold under a proposed ladder (changes nothing)", body: tierProposalSchema }),
    async (req, res) => {
      const { storeId } = adminOf(res.locals);
      res.json(await deps.tierAdmin.preview(storeId, parseInput(tierProposalSchema, req.body ?? {})));
    },
  );

  return router;
}
