import type { RequestHandler } from "express";
import { unauthorized } from "../lib/errors.js";
import type { SessionTokens } from "../lib/session-tokens.js";
import { ADMIN_AUDIENCE } from "../modules/stores/admin-session.service.js";
import type { InstallService } from "../modules/stores/install.service.js";

export interface AdminPrincipal {
  storeId: number;
  actor: string;
}

declare module "express-serve-static-core" {
  interface Locals {
    admin?: AdminPrincipal;
  }
}

/** Bearer session JWT from the dashboard; the store must still be installed. */
export function requireAdmin(tokens: SessionTokens, installs: InstallService): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized("Sign in through the Ecwid admin: a Bearer session token is required");
    const claims = tokens.verify(ADMIN_AUDIENCE, match[1]);
    if (!claims || typeof claims.storeId !== "number") throw unauthorized("The session token is invalid or has expired");
    await installs.requireActive(claims.storeId);
    res.locals.admin = { storeId: claims.storeId, actor: typeof claims.actor === "string" ? claims.actor : "merchant" };
    next();
  };
}

export function adminOf(locals: { admin?: AdminPrincipal }): AdminPrincipal {
  if (!locals.admin) throw unauthorized("Not signed in");
  return locals.admin;
}
