import { categoryView, productView, withDescendants } from "./catalog-book.js";
import type { EcwidCategory, EcwidProduct } from "./catalog-types.js";
import type { StoreRecord } from "./emulator-state.js";
import { booleanParam, dateRange, listParam, nonNegativeInt, numberRange, type Query } from "./list-query.js";

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Ecwid's `keyword` (CONTRACT §4.12): every word must match a whole word of the texts; a trailing `*` turns
 * off the exact match for the last word, which then matches as a prefix ("tre*" finds "Trekking").
 */
export function keywordMatcher(keyword: string): (texts: string[]) => boolean {
  const wanted = words(keyword);
  const lastIsPrefix = keyword.trimEnd().endsWith("*");
  return (texts) => {
    const have = new Set(texts.flatMap(words));
    return wanted.every((word, index) => (lastIsPrefix && index === wanted.length - 1 ? [...have].some((candidate) => candidate.startsWith(word)) : have.has(word)));
  };
}

/** `GET /products` filters (CONTRACT §4.12): `productId` alone, or every other filter together; by id. */
export function searchProducts(store: StoreRecord, query: Query): EcwidProduct[] {
  const lang = query.lang || undefined;
  const all = [...store.products.values()].sort((a, b) => a.id - b.id);
  const ids = listParam(query, "productId")?.map(Number);
  if (ids) return all.filter((p) => ids.includes(p.id)).map((p) => productView(p, lang));

  const sku = query.sku?.toLowerCase();
  const matches = query.keyword ? keywordMatcher(query.keyword) : undefined;
  const category = nonNegativeInt(query, "category");
  const categories = listParam(query, "categories")?.map(Number);
  const enabled = booleanParam(query, "enabled");
  const inStock = booleanParam(query, "inStock");
  const inPrice = numberRange(query, "price");
  const inCreated = dateRange(query, "created");
  const inUpdated = dateRange(query, "updated");
  const categoryNames = (p: EcwidProduct) => p.categoryIds.map((id) => store.categories.get(id)?.name ?? "");

  return all
    .filter(
      (p) =>
        (!sku || p.sku.toLowerCase() === sku) &&
        (!matches || matches([p.name, ...Object.values(p.nameTranslated), p.description, p.sku, ...categoryNames(p)])) &&
        // Category 0 is the store front page: products in no category.
        (category === undefined || (category === 0 ? p.categoryIds.length === 0 : p.categoryIds.includes(category))) &&
        (!categories || p.categoryIds.some((id) => categories.includes(id))) &&
        (enabled === undefined || p.enabled === enabled) &&
        (inStock === undefined || p.inStock === inStock) &&
        inPrice(p.price) &&
        inCreated(p.createTimestamp * 1000) &&
        inUpdated(p.updateTimestamp * 1000),
    )
    .map((p) => productView(p, lang));
}

/**
 * `GET /categories` filters (CONTRACT §4.12): `parent` gives its children (0: the top level), with
 * `withSubcategories=true` every category below it; disabled ones only with `hidden_categories=true`.
 */
export function searchCategories(store: StoreRecord, query: Query): EcwidCategory[] {
  const matches = query.keyword ? keywordMatcher(query.keyword) : undefined;
  const parent = nonNegativeInt(query, "parent");
  const parentIds = listParam(query, "parentIds")?.map(Number);
  const below = parent !== undefined && booleanParam(query, "withSubcategories") ? withDescendants(store, parent) : undefined;
  const includeHidden = booleanParam(query, "hidden_categories") ?? false;
  const options = { withProductIds: booleanParam(query, "productIds") ?? false, ...(query.lang ? { lang: query.lang } : {}) };
  const parentOf = (c: { parentId?: number }) => c.parentId ?? 0;

  return [...store.categories.values()]
    .filter(
      (c) =>
        (includeHidden || c.enabled) &&
        (!matches || matches([c.name, ...Object.values(c.nameTranslated)])) &&
        (parent === undefined || (below ? below.has(parentOf(c)) : parentOf(c) === parent)) &&
        (!parentIds || parentIds.includes(parentOf(c))),
    )
    .sort((a, b) => a.orderBy - b.orderBy || a.id - b.id)
    .map((c) => categoryView(store, c, options));
}
