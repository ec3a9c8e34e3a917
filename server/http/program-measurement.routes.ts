import { Router } from "express";
import { z } from "zod";
import { previewRequestSchema, previewSchemaFor } from "../modules/program/program-preview.js";
import type { ProgramMeasurementService } from "../modules/program/program-measurement.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const measurementParams = z.object({ measurementId: z.string().min(1).max(64) });

/**
 * What a program change pays: a preview before saving (`{ challenge }` or `{ badge }` as it would be saved),
 * and the progress of the background measurements saves start (mounted behind requireAdmin).
 */
export function programMeasurementRoutes(deps: { programMeasurements: ProgramMeasurementService }): Router {
  const router = Router();

  router.post(
    "/program/preview",
    describeRoute({ tag: "Program", summary: "What a challenge or badge would have paid, before saving it (changes nothing)", body: previewRequestSchema }),
    async (req, res) => {
      const { storeId } = adminOf(res.locals);
      res.json(await deps.programMeasurements.preview(storeId, parseInput(previewSchemaFor(req.body), req.body)));
    },
  );

  router.get("/program/measurements", describeRoute({ tag: "Program", summary: "Background measurements of program changes" }), async (_req, res) => {
    res.json({ items: await deps.programMeasurements.list(adminOf(res.locals).storeId) });
  });

  router.get(
    "/program/measurements/:measurementId",
    describeRoute({ tag: "Program", summary: "One measurement and its progress", params: measurementParams }),
    async (req, res) => {
      const { measurementId } = parseInput(measurementParams, req.params);
      res.json(await deps.programMeasurements.get(adminOf(res.locals).storeId, measurementId));
    },
  );

  return router;
}
