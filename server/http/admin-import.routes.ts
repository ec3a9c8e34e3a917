import { raw, Router } from "express";
import { z } from "zod";
import { AppError } from "../lib/errors.js";
import type { BalanceImportService } from "../modules/balance-import/balance-import.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

/** The largest file accepted; a bigger one is answered 413 before it is read. */
export const MAX_IMPORT_BYTES = "5mb";
const CSV_TYPES = ["text/csv", "text/plain", "application/csv"];
const importQuery = z.object({ dryRun: z.enum(["0", "1", "true", "false"]).optional() });

/** `POST /import/members`: a CSV of starting balances (`?dryRun=1`: the report only, nothing applied). */
export function adminImportRoutes(deps: { balanceImport: BalanceImportService }): Router {
  const router = Router();

  router.post(
    "/import/members",
    describeRoute({
      tag: "Import",
      summary: "Import starting balances from a CSV file: every row checked, all applied or none, a report of each rejected row",
      query: importQuery,
      upload: { mediaType: "text/csv", description: "The CSV file, its first line naming the columns (e.g. email,points; members.csv as exported reads back), up to 5 MB" },
    }),
    raw({ type: CSV_TYPES, limit: MAX_IMPORT_BYTES }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { dryRun } = parseInput(importQuery, req.query);
      if (!Buffer.isBuffer(req.body)) throw new AppError("unsupported_media_type", "Send the CSV file as the request body, with Content-Type text/csv");
      const report = await deps.balanceImport.run(storeId, req.body, { dryRun: dryRun === "1" || dryRun === "true", actor });
      res.json(report);
    },
  );

  return router;
}
