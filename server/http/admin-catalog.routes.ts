import { Router } from "express";
import { categoryQuerySchema, productQuerySchema } from "../modules/catalog/catalog.js";
import type { CatalogService } from "../modules/catalog/catalog.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

/** The store's catalog for product and category pickers (mounted behind requireAdmin). */
export function adminCatalogRoutes(deps: { catalog: CatalogService }): Router {
  const router = Router();

  router.get("/catalog/products", describeRoute({ tag: "Catalog", summary: "The store's products, for pickers", query: productQuerySchema }), async (req, res) => {
    res.json(await deps.catalog.products(adminOf(res.locals).storeId, parseInput(productQuerySchema, req.query)));
  });

  router.get("/catalog/categories", describeRoute({ tag: "Catalog", summary: "The store's categories, for pickers", query: categoryQuerySchema }), async (req, res) => {
    res.json(await deps.catalog.categories(adminOf(res.locals).storeId, parseInput(categoryQuerySchema, req.query)));
  });

  return router;
}
