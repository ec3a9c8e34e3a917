import { z } from "zod";

/** `:storeId` in a public path: an Ecwid store id. */
export const storeParams = z.object({ storeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** `:memberId` in an admin path. */
export const memberParams = z.object({ memberId: z.string().min(1).max(64) });
