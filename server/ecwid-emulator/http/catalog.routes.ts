import { Router } from "express";
import { categoryView, productView, requireCategory, requireProduct } from "../catalog-book.js";
import { searchCategories, searchProducts } from "../catalog-search.js";
import { paginate } from "../list-query.js";
import { queryOf, sendJson, storeOf } from "./request-context.js";
import { requireScopes } from "./rest-guards.js";

/** Products and categories, read only (CONTRACT §4.12); a token without `read_catalog` gets INSUFFICIENT_APP_SCOPE. */
export function catalogRoutes(): Router {
  const router = Router({ mergeParams: true });
  // The storefront reads the catalog with the public token too (CONTRACT §5.4).
  const canRead = requireScopes(["read_catalog"], { publicTokenAllowed: true });

  router.get("/products", canRead, (req, res) => {
    const query = queryOf(req);
    sendJson(req, res, paginate(searchProducts(storeOf(res), query), query));
  });

  router.get("/products/:productId", canRead, (req, res) => {
    sendJson(req, res, productView(requireProduct(storeOf(res), String(req.params.productId)), queryOf(req).lang || undefined));
  });

  router.get("/categories", canRead, (req, res) => {
    const query = queryOf(req);
    sendJson(req, res, paginate(searchCategories(storeOf(res), query), query));
  });

  router.get("/categories/:categoryId", canRead, (req, res) => {
    const store = storeOf(res);
    const lang = queryOf(req).lang;
    sendJson(req, res, categoryView(store, requireCategory(store, String(req.params.categoryId)), { withProductIds: false, ...(lang ? { lang } : {}) }));
  });

  return router;
}
