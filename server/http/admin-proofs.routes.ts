import { Router } from "express";
import { z } from "zod";
import { decideProof, listProofs, proofPhoto } from "../modules/program/proof-review.js";
import { proofQuerySchema, proofRejectionSchema } from "../modules/program/proof-review-schema.js";
import type { TaskService } from "../modules/program/task.service.js";
import type { Storage } from "../storage/storage.port.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const proofParams = z.object({ proofId: z.string().min(1).max(64) });

/** `/api/admin/program/proofs`: the review queue of proof tasks, their photos, and the merchant's decisions (behind requireAdmin). */
export function adminProofRoutes(deps: { storage: Storage; tasks: Pick<TaskService, "review"> }): Router {
  const router = Router();

  router.get("/", describeRoute({ tag: "Proofs", summary: "Shoppers' proofs of proof tasks, for review", query: proofQuerySchema }), async (req, res) => {
    res.json(await listProofs(deps.storage, adminOf(res.locals).storeId, parseInput(proofQuerySchema, req.query)));
  });

  // A shopper's upload, served to the merchant only: never cached, never sniffed into anything but the image it is.
  router.get("/:proofId/photo", describeRoute({ tag: "Proofs", summary: "A proof's photo", params: proofParams, answer: { mediaType: "image/*" } }), async (req, res) => {
    const { proofId } = parseInput(proofParams, req.params);
    const photo = await proofPhoto(deps.storage, deps.storage.proofPhotos, adminOf(res.locals).storeId, proofId);
    res.set({ "Content-Type": photo.type, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Content-Disposition": "inline" });
    res.end(photo.data);
  });

  router.post("/:proofId/approve", describeRoute({ tag: "Proofs", summary: "Approve a proof: the challenge pays", params: proofParams }), async (req, res) => {
    const { storeId, actor } = adminOf(res.locals);
    const { proofId } = parseInput(proofParams, req.params);
    res.json(await decideProof(deps, storeId, proofId, { approve: true }, actor));
  });

  router.post(
    "/:proofId/reject",
    describeRoute({ tag: "Proofs", summary: "Reject a proof, with a reason the shopper sees", params: proofParams, body: proofRejectionSchema }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { proofId } = parseInput(proofParams, req.params);
      const { reason } = parseInput(proofRejectionSchema, req.body ?? {});
      res.json(await decideProof(deps, storeId, proofId, { approve: false, reason }, actor));
    },
  );

  return router;
}
