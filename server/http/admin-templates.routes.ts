import { Router } from "express";
import { z } from "zod";
import type { CatalogService } from "../modules/catalog/catalog.service.js";
import { ProgramTemplatesService } from "../modules/program/templates/program-templates.service.js";
import type { SettingsService } from "../modules/settings/settings.service.js";
import type { InstallService } from "../modules/stores/install.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const templateParams = z.object({ templateId: z.string().min(1).max(40) });

/** Ready programs: `GET /program/templates` lists them, `POST /program/templates/:templateId/apply` merges one into the program (mounted behind requireAdmin). */
export function adminTemplateRoutes(deps: { settings: SettingsService; installs: InstallService; catalog: CatalogService }): Router {
  const router = Router();
  const templates = new ProgramTemplatesService(deps);

  router.get("/program/templates", describeRoute({ tag: "Program", summary: "Ready programs to start from" }), async (_req, res) => {
    res.json({ items: await templates.list(adminOf(res.locals).storeId) });
  });

  router.post(
    "/program/templates/:templateId/apply",
    describeRoute({ tag: "Program", summary: "Merge a ready program into the program", params: templateParams }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      res.json(await templates.apply(storeId, parseInput(templateParams, req.params).templateId, actor));
    },
  );

  return router;
}
