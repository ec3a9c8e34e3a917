import type { RequestHandler } from "express";
import type { z } from "zod";
import { AppError } from "../../lib/errors.js";
import { adminOf } from "../admin-auth.js";

/**
 * Who may call a route: `public` anyone; `session` only the dashboard's signed-in merchant (never an API key);
 * `admin` (the default) a session, or an API key whose scope allows the method (GET/HEAD read, the rest write).
 */
export type RouteAccess = "public" | "session" | "admin";

/** What the OpenAPI document says of one route; the schemas are the very ones the route parses its input with. */
export interface RouteDoc {
  /** The reference page's group. */
  tag: string;
  summary: string;
  description?: string;
  access?: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body that is a file rather than JSON (a CSV upload). */
  upload?: { mediaType: string; description: string };
  /** The success answer, JSON with status 200 unless said. */
  answer?: { status?: number; mediaType?: string; description?: string };
}

const DOC = Symbol("routeDoc");
type Described = RequestHandler & { [DOC]: RouteDoc };

/**
 * Declares a route for the OpenAPI document: put it first among the route's handlers
 * (`router.get(path, describeRoute({ ... }), handler)`). It also enforces `access: "session"`, so what the
 * document says of a route is what the route does.
 */
export function describeRoute(doc: RouteDoc): RequestHandler {
  const handler: RequestHandler =
    doc.access === "session"
      ? (_req, res, next) => {
          if (adminOf(res.locals).via !== "session") throw new AppError("insufficient_scope", "API keys cannot do this; sign in to the dashboard");
          next();
        }
      : (_req, _res, next) => next();
  return Object.assign(handler, { [DOC]: doc });
}

export function routeDocOf(handler: unknown): RouteDoc | undefined {
  return typeof handler === "function" && DOC in handler ? (handler as Described)[DOC] : undefined;
}
