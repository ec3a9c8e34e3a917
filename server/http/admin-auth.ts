import type { Request, RequestHandler } from "express";
import { AppError, unauthorized } from "../lib/errors.js";
import type { SessionTokens } from "../lib/session-tokens.js";
import { isApiKeyToken } from "../modules/api-keys/api-key.rules.js";
import type { ApiKeyService } from "../modules/api-keys/api-key.service.js";
import { ADMIN_AUDIENCE } from "../modules/stores/admin-session.service.js";
import type { InstallService } from "../modules/stores/install.service.js";

export interface AdminPrincipal {
  storeId: number;
  actor: string;
  /** The dashboard's session, or a merchant's API key (which may not manage keys). */
  via: "session" | "key";
}

declare module "express-serve-static-core" {
  interface Locals {
    admin?: AdminPrincipal;
  }
}

const READS = new Set(["GET", "HEAD"]);

/**
 * Bearer session JWT from the dashboard, or an API key (`ql_...`) from the merchant's own tools; the store must
 * still be installed. A read key may only GET (and HEAD).
 */
export function requireAdmin(tokens: SessionTokens, installs: InstallService, apiKeys: Pick<ApiKeyService, "authenticate">): RequestHandler {
  const byKey = async (req: Request, token: string): Promise<AdminPrincipal> => {
    const caller = await apiKeys.authenticate(token, req.ip ?? "unknown");
    if (caller.scope === "read" && !READS.has(req.method))
      throw new AppError("insufficient_scope", "This API key may only read (GET); make a write key in the dashboard to change things");
    return { storeId: caller.storeId, actor: caller.actor, via: "key" };
  };
  const bySession = async (token: string): Promise<AdminPrincipal> => {
    const claims = tokens.verify(ADMIN_AUDIENCE, token);
    if (!claims || typeof claims.storeId !== "number") throw unauthorized("The session token is invalid or has expired");
    await installs.requireActive(claims.storeId);
    return { storeId: claims.storeId, actor: typeof claims.actor === "string" ? claims.actor : "merchant", via: "session" };
  };
  return async (req, res, next) => {
    const match = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
    if (!match?.[1]) throw unauthorized("Sign in through the Ecwid admin, or send an API key: a Bearer token is required");
    res.locals.admin = isApiKeyToken(match[1]) ? await byKey(req, match[1]) : await bySession(match[1]);
    next();
  };
}

export function adminOf(locals: { admin?: AdminPrincipal }): AdminPrincipal {
  if (!locals.admin) throw unauthorized("Not signed in");
  return locals.admin;
}
