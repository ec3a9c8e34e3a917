import type { z } from "zod";
import { wrongParameter } from "../ecwid-api-error.js";

/** Validates a request body; the first problem becomes a 400 WRONG_PARAMETER naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "body";
  throw wrongParameter(`Wrong value of '${field}': ${issue?.message ?? "invalid"}`);
}
