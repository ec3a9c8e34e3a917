import { Router } from "express";
import { categoryQuerySchema, productQuerySchema } from "../modules/catalog/catalog.js";
import type { CatalogService } from "../modules/catalog/catalog.service.js";
import { adminOf } from "./admin-auth.js";
import { parseInput } from "./validate.js";

/** The store's catalog for product and category pickers (mounted behind requireAdmin). */
export function adminCatalogRoutes(deps: { catalog: CatalogService }): Router {
  const router = Router();

  router.get("/catalog/products", async (req, res) => {
    res.json(await deps.catalog.products(adminOf(res.locals).storeId, parseInput(productQuerySchema, req.query)));
  });

  router.get("/catalog/categories", async (req, res) => {
    res.json(await deps.catalog.categories(adminOf(res.locals).storeId, parseInput(categoryQuerySchema, req.query)));
  });

  return router;
}
