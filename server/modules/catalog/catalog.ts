import { z } from "zod";
import type { EcwidCategoryPage, EcwidProductPage } from "../../ecwid/wire-types.js";
import { toMinorUnits } from "../../lib/money.js";

/** A product as the dashboard's pickers show it: the price in minor units of the store currency. */
export const catalogProductSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sku: z.string(),
  priceMinor: z.number().int(),
  imageUrl: z.string().nullable(),
  enabled: z.boolean(),
  categoryIds: z.array(z.number().int()),
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export const catalogProductPageSchema = z.object({
  items: z.array(catalogProductSchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type CatalogProductPage = z.infer<typeof catalogProductPageSchema>;

/** A category; `parentId` is null at the top level, `productCount` includes subcategories. */
export const catalogCategorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  imageUrl: z.string().nullable(),
  enabled: z.boolean(),
  productCount: z.number().int(),
});
export type CatalogCategory = z.infer<typeof catalogCategorySchema>;

export const catalogCategoryListSchema = z.object({ items: z.array(catalogCategorySchema), total: z.number().int() });
export type CatalogCategoryList = z.infer<typeof catalogCategoryListSchema>;

/**
 * `GET /api/admin/catalog/products?q=&ids=&limit=&offset=`: `q` matches words of the name, SKU or category as typed
 * so far; `ids` ("11,12") names the products instead (a saved reward's), and `q` is then ignored.
 */
export const productQuerySchema = z.object({
  q: z.string().trim().max(100).default(""),
  ids: z
    .string()
    .regex(/^\d{1,15}(,\d{1,15}){0,99}$/, "must be product ids separated by commas, at most 100")
    .transform((text) => text.split(",").map(Number))
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ProductQuery = z.infer<typeof productQuerySchema>;

/** `GET /api/admin/catalog/categories?q=`: the first 100 matches, disabled categories included. */
export const categoryQuerySchema = z.object({ q: z.string().trim().max(100).default("") });
export type CategoryQuery = z.infer<typeof categoryQuerySchema>;

/** What a merchant types is a beginning: Ecwid matches whole words unless the keyword ends with `*` (CONTRACT §4.12). */
export function keywordFor(q: string): string | undefined {
  return q ? `${q}*` : undefined;
}

export function toProductPage(page: EcwidProductPage, currencyPrecision: number): CatalogProductPage {
  return {
    items: page.items.map((product) => ({
      id: product.id,
      name: product.name,
      sku: product.sku,
      priceMinor: toMinorUnits(product.price, currencyPrecision),
      imageUrl: product.thumbnailUrl ?? product.imageUrl ?? null,
      enabled: product.enabled,
      categoryIds: product.categoryIds,
    })),
    total: page.total,
    offset: page.offset,
    limit: page.limit,
  };
}

export function toCategoryList(page: EcwidCategoryPage): CatalogCategoryList {
  return {
    items: page.items.map((category) => ({
      id: category.id,
      name: category.name,
      parentId: category.parentId ?? null,
      imageUrl: category.thumbnailUrl ?? category.imageUrl ?? null,
      enabled: category.enabled,
      productCount: category.productCount,
    })),
    total: page.total,
  };
}
