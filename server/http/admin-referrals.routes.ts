import { Router } from "express";
import { z } from "zod";
import type { Clock } from "../lib/clock.js";
import { listReferrals, referralSummary } from "../modules/referrals/referral-admin.js";
import { referralApprovalSchema, referralQuerySchema, referralRejectionSchema } from "../modules/referrals/referral-admin-view.js";
import type { EmailService } from "../modules/emails/email.service.js";
import { tellAmbassador } from "../modules/referrals/referral-emails.js";
import { decideReferral } from "../modules/referrals/referral-review.js";
import type { InstallService } from "../modules/stores/install.service.js";
import type { Storage } from "../storage/storage.port.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const referralParams = z.object({ referralId: z.string().min(1).max(64) });

/** `/api/admin/referrals`: friends' orders attributed to ambassadors, the program at a glance, and the merchant's review (behind requireAdmin). */
export function adminReferralRoutes(deps: {
  storage: Storage;
  installs: Pick<InstallService, "requireActive">;
  emails: Pick<EmailService, "referralQualified" | "referralPaid">;
  clock: Clock;
}): Router {
  const router = Router();

  router.get("/", describeRoute({ tag: "Referrals", summary: "Friends' orders attributed to ambassadors", query: referralQuerySchema }), async (req, res) => {
    res.json(await listReferrals(deps.storage, adminOf(res.locals).storeId, parseInput(referralQuerySchema, req.query)));
  });

  router.get("/summary", describeRoute({ tag: "Referrals", summary: "The referral program at a glance" }), async (_req, res) => {
    res.json(await referralSummary(deps.storage, adminOf(res.locals).storeId));
  });

  router.post(
    "/:referralId/approve",
    describeRoute({ tag: "Referrals", summary: "Approve a referral held for review", params: referralParams, body: referralApprovalSchema }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { referralId } = parseInput(referralParams, req.params);
      parseInput(referralApprovalSchema, req.body ?? {});
      const approved = await decideReferral(deps, storeId, await deps.installs.requireActive(storeId), referralId, { approve: true }, actor);
      tellAmbassador(deps.emails, storeId, approved);
      res.json(approved);
    },
  );

  router.post(
    "/:referralId/reject",
    describeRoute({ tag: "Referrals", summary: "Reject a referral, with a reason", params: referralParams, body: referralRejectionSchema }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { referralId } = parseInput(referralParams, req.params);
      const { reason } = parseInput(referralRejectionSchema, req.body ?? {});
      res.json(await decideReferral(deps, storeId, await deps.installs.requireActive(storeId), referralId, { approve: false, reason }, actor));
    },
  );

  return router;
}
