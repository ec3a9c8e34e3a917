import type { Request, RequestHandler, Response } from "express";

/** What every request goes through before it is routed; a step refuses a request by throwing (an AppError). */
export type RequestStep = (req: Request, res: Response) => void;

/**
 * The steps in one Express layer: a layer of its own for each cost the router a dispatch per request (matching,
 * params, the next call), more than the few header and property writes most steps are.
 */
export function everyRequest(...steps: RequestStep[]): RequestHandler {
  return (req, res, next) => {
    for (const step of steps) step(req, res);
    next();
  };
}
