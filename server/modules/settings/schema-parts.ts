import { z } from "zod";

/** A program item's id: its kind's prefix and a slug, e.g. `tr_gold`. */
export const itemId = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[a-z0-9_-]{1,40}$`), `must look like ${prefix}_something`);
/** A merchant's text that must not be empty. */
export const text = (max: number) => z.string().trim().min(1).max(max);
