import { Router, type RequestHandler } from "express";
import { EcwidApiError, wrongParameter } from "../ecwid-api-error.js";
import { rawBodyOf } from "./body-readers.js";
import { sendJson, storeOf } from "./request-context.js";
import { requireScopes } from "./rest-guards.js";

const MAX_KEY_LENGTH = 1024;
const MAX_VALUE_BYTES = 1024 * 1024;
const MAX_PUBLIC_VALUE_BYTES = 256 * 1024;

const keyNotFound = (): EcwidApiError => new EcwidApiError(404, "OTHER", "Key not found");

/**
 * App storage with the raw-body semantics Ecwid's own SDK and Kotlin client rely on (CONTRACT §4.10):
 * the body is the value, whatever the content type, and writes answer `{updateCount: 1}`.
 */
export function storageRoutes(): Router {
  const router = Router({ mergeParams: true });
  const canRead = requireScopes(["read_store_profile"]);
  const canWrite = requireScopes(["update_store_profile"]);

  router.get("/storage", canRead, (req, res) => {
    sendJson(
      req,
      res,
      [...storeOf(res).storage].map(([key, value]) => ({ key, value })),
    );
  });

  router.get("/storage/:key", canRead, (req, res) => {
    const key = String(req.params.key);
    const value = storeOf(res).storage.get(key);
    if (value === undefined) throw keyNotFound();
    sendJson(req, res, { key, value });
  });

  const writeValue: RequestHandler = (req, res) => {
    const key = String(req.params.key);
    if (key.length > MAX_KEY_LENGTH) throw wrongParameter(`Storage key is longer than ${MAX_KEY_LENGTH} characters`);
    const value = rawBodyOf(req);
    req.body = value;
    const max = key === "public" ? MAX_PUBLIC_VALUE_BYTES : MAX_VALUE_BYTES;
    if (Buffer.byteLength(value, "utf8") > max) throw wrongParameter(`Storage value is larger than ${max} bytes`);
    storeOf(res).storage.set(key, value);
    sendJson(req, res, { updateCount: 1 });
  };
  router.post("/storage/:key", canWrite, writeValue);
  router.put("/storage/:key", canWrite, writeValue);

  router.delete("/storage/:key", canWrite, (req, res) => {
    if (!storeOf(res).storage.delete(String(req.params.key))) throw keyNotFound();
    sendJson(req, res, { deleteCount: 1 });
  });

  return router;
}
