import { json, type RequestHandler } from "express";
import { AppError } from "../lib/errors.js";
import { holdsUnstorableText } from "../lib/storable-text.js";
import type { RequestStep } from "./every-request.js";

const unstorable = (where: string) => new AppError("unstorable_text", `The ${where} holds a NUL character or an unpaired surrogate, which cannot be stored`);

/** A percent-encoded NUL in the path or query: nothing we serve has one, and PostgreSQL cannot compare text with it. */
export const refuseEncodedNul: RequestStep = (req) => {
  if (/%00/i.test(req.url)) throw unstorable("address");
};

/** express.json, then a refusal of any key or string the storage could not keep (JSON may escape NUL and lone surrogates). */
export function storableJson(limit: string): RequestHandler[] {
  return [
    json({ limit }),
    (req, _res, next) => {
      next(holdsUnstorableText(req.body) ? unstorable("request body") : undefined);
    },
  ];
}
