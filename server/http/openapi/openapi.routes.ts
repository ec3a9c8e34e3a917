import { readFileSync } from "node:fs";
import path from "node:path";
import { Router } from "express";
import { projectRoot } from "../../lib/project-root.js";
import { openApiDocument, type OpenApiDocument } from "./openapi-document.js";
import { referenceView } from "./reference-view.js";
import { describeRoute } from "./route-doc.js";
import { walkRoutes } from "./route-walk.js";

const { version } = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string };

/**
 * `GET /openapi.json` and `GET /reference` (the same document as a page), both without authentication. The
 * document is built from `api`'s routes on first ask and kept: it changes only with the code.
 */
export function openApiRoutes(api: Router, basePath: string): Router {
  const router = Router();
  let built: { document: OpenApiDocument; json: string } | undefined;
  const document = () => {
    if (!built) {
      const made = openApiDocument(walkRoutes(api), basePath, version);
      built = { document: made, json: JSON.stringify(made) };
    }
    return built;
  };

  router.get("/openapi.json", describeRoute({ tag: "Reference", summary: "This API's OpenAPI 3.1 document", access: "public" }), (_req, res) => {
    res.type("application/json").set("Cache-Control", "public, max-age=300").send(document().json);
  });

  router.get("/reference", describeRoute({ tag: "Reference", summary: "This API's reference, as a page", access: "public", answer: { mediaType: "text/html" } }), (_req, res) => {
    res.set("Cache-Control", "public, max-age=300").render("api-reference", referenceView(document().document, `${basePath}/openapi.json`));
  });

  return router;
}
