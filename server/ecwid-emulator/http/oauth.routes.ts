import { Router, type ErrorRequestHandler, type RequestHandler } from "express";
import type { EmulatorState } from "../emulator-state.js";
import { ConsentError, OAuthError, decide, exchangeCode, validateAuthorizeParams } from "../oauth-flow.js";
import { formParamsOf, readTextBody } from "./body-readers.js";
import { renderConsentError, renderConsentPage } from "./consent-page.js";
import { queryOf } from "./request-context.js";

/** `/api/oauth/authorize` (consent page and decision) and `/api/oauth/token[/{storeId}]` (CONTRACT §1). */
export function oauthRoutes(state: EmulatorState): Router {
  const router = Router();

  router.get("/authorize", (req, res) => {
    const params = validateAuthorizeParams(state, queryOf(req));
    const stores = [...state.stores.values()].map((s) => ({ storeId: s.storeId, storeName: s.profile.storeName }));
    const signedIn = stores.find((s) => s.storeId === state.signedInStoreId) ?? null;
    res.type("html").send(renderConsentPage({ clientId: state.options.clientId, params, signedIn, stores }));
  });

  router.post("/authorize", readTextBody, (req, res) => {
    const form = formParamsOf(req, {});
    const params = validateAuthorizeParams(state, form);
    const storeId = Number(form.store_id);
    if (!state.stores.has(storeId)) throw new ConsentError(`Store ${form.store_id ?? "(none)"} does not exist`);
    const approve = form.decision === "approve";
    res.redirect(302, decide(state, { storeId, redirectUri: params.redirectUri, scope: params.scopes, state: params.state, approve }));
  });

  const token: RequestHandler = (req, res) => {
    const params = formParamsOf(req, queryOf(req));
    const pathStoreId = req.params.storeId === undefined ? undefined : String(req.params.storeId);
    res.set("Cache-Control", "no-store").json(exchangeCode(state, params, pathStoreId));
  };
  for (const path of ["/token", "/token/:storeId"]) {
    router.get(path, token);
    router.post(path, readTextBody, token);
  }

  const errors: ErrorRequestHandler = (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof OAuthError) return res.status(400).json({ error: err.error, error_description: err.description });
    if (err instanceof ConsentError) return res.status(400).type("html").send(renderConsentError(err.message));
    next(err);
  };
  router.use(errors);
  return router;
}
