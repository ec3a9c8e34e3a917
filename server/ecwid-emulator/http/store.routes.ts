import { Router } from "express";
import { formatEcwidDate } from "../ecwid-date.js";
import { wrongParameter } from "../ecwid-api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import { profileView } from "../profile-view.js";
import { uninstall } from "../store-registry.js";
import { queryOf, sendJson, storeOf, tokenRecordOf } from "./request-context.js";
import { requireScopes } from "./rest-guards.js";

/** `GET /profile` and the app's own subscription and self-uninstall (CONTRACT §4.5, §4.11). */
export function storeRoutes(state: EmulatorState): Router {
  const router = Router({ mergeParams: true });

  router.get("/profile", requireScopes(["read_store_profile"], { publicTokenAllowed: true }), (req, res) => {
    sendJson(req, res, profileView(storeOf(res), tokenRecordOf(res).kind === "public"));
  });

  router.get("/application", requireScopes(["read_store_profile"]), (req, res) => {
    const store = storeOf(res);
    const status = store.subscriptionStatus;
    sendJson(req, res, { subscriptionStatus: status, subscription: { startDate: formatEcwidDate(store.installedAt), status } });
  });

  router.delete("/application", requireScopes(["update_store_profile"]), (req, res) => {
    const namespace = queryOf(req).namespace;
    if (namespace !== state.options.clientId) throw wrongParameter("Parameter 'namespace' must be the app's client_id");
    uninstall(state, storeOf(res).storeId);
    sendJson(req, res, { deleteCount: 1 });
  });

  return router;
}
