import type { z } from "zod";
import { AppError } from "../lib/errors.js";

/** Parses request input with a schema; a failure is a 400 that names every problem. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
    throw new AppError("validation_failed", message);
  }
  return parsed.data;
}
