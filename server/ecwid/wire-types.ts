import { z } from "zod";

/** The parts of Ecwid's REST responses Questline reads (CONTRACT §4). Unknown fields pass through untouched. */
export const storeProfileSchema = z.looseObject({
  generalInfo: z.looseObject({ storeId: z.number().int() }),
  account: z.looseObject({ accountName: z.string().optional(), accountEmail: z.string().optional() }).optional(),
  settings: z.looseObject({ storeName: z.string().optional() }).optional(),
  formatsAndUnits: z
    .looseObject({
      currency: z.string().optional(),
      currencyPrecision: z.number().int().min(0).max(4).optional(),
    })
    .optional(),
  languages: z.looseObject({ defaultLanguage: z.string().optional() }).optional(),
});
export type StoreProfile = z.infer<typeof storeProfileSchema>;

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().default(""),
  store_id: z.coerce.number().int().positive(),
  email: z.string().optional(),
  public_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
