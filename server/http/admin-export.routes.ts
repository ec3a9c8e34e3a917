import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { Router, type Response } from "express";
import type { Clock } from "../lib/clock.js";
import type { ExportFile, ExportService } from "../modules/exports/export.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";

export interface AdminExportDeps {
  exports: ExportService;
  clock: Clock;
}

/** Writes the file's rows as CSV as they are read; the pipeline waits while the client's buffer is full and stops the reads if it goes away. */
async function sendCsv<Row>(res: Response, name: string, file: ExportFile<Row>): Promise<void> {
  res.set("Content-Type", "text/csv; charset=utf-8");
  res.set("Content-Disposition", `attachment; filename="${name}"`);
  res.set("Cache-Control", "no-store");
  try {
    await pipeline(Readable.from(file.rows), stringify({ header: true, columns: [...file.columns] }), res);
  } catch (error) {
    // A client that hangs up mid-download is not a failure of the export.
    if ((error as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE") return;
    throw error;
  }
}

/** `GET /export/members.csv` and `GET /export/ledger.csv`: the store's whole members and ledger, streamed. */
export function adminExportRoutes(deps: AdminExportDeps): Router {
  const router = Router();
  const fileName = (what: string, storeId: number) => `questline-${what}-${storeId}-${deps.clock.now().toISOString().slice(0, 10)}.csv`;

  router.get("/export/members.csv", describeRoute({ tag: "Export", summary: "Every member, as CSV", answer: { mediaType: "text/csv" } }), async (_req, res) => {
    const { storeId } = adminOf(res.locals);
    await deps.exports.exclusive(storeId, async () => sendCsv(res, fileName("members", storeId), await deps.exports.members(storeId)));
  });

  router.get("/export/ledger.csv", describeRoute({ tag: "Export", summary: "Every ledger entry, as CSV", answer: { mediaType: "text/csv" } }), async (_req, res) => {
    const { storeId } = adminOf(res.locals);
    await deps.exports.exclusive(storeId, async () => sendCsv(res, fileName("ledger", storeId), await deps.exports.ledger(storeId)));
  });

  return router;
}
