import type { CategoryInit, EcwidCategory, EcwidProduct, ProductInit } from "./catalog-types.js";
import { EcwidApiError } from "./ecwid-api-error.js";
import { formatEcwidDate, unixSeconds } from "./ecwid-date.js";
import type { CategoryRecord, EmulatorState, StoreRecord } from "./emulator-state.js";
import { roundMoney } from "./money.js";

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");

const siteUrl = (store: StoreRecord): string => `https://store${store.storeId}.company.site/products`;

/** Creates the product, or replaces the one with the same id (keeping its creation date). */
export function putProduct(state: EmulatorState, store: StoreRecord, init: ProductInit): EcwidProduct {
  const id = init.id ?? state.nextId("product");
  const categoryIds = init.categoryIds ?? [];
  const unknown = categoryIds.find((categoryId) => !store.categories.has(categoryId));
  if (unknown !== undefined) throw new Error(`Store ${store.storeId} has no category ${unknown}; call putCategory first`);
  const now = state.now();
  const existing = store.products.get(id);
  const createdAt = existing ? new Date(existing.createTimestamp * 1000) : now;
  const product: EcwidProduct = {
    id,
    sku: init.sku ?? `SKU-${id}`,
    name: init.name,
    nameTranslated: { ...init.nameTranslated },
    description: init.description ?? "",
    price: roundMoney(init.price, store.profile.currencyPrecision),
    url: `${siteUrl(store)}/${slug(init.name)}-p${id}`,
    ...(init.imageUrl ? { imageUrl: init.imageUrl, thumbnailUrl: init.imageUrl } : {}),
    enabled: init.enabled ?? true,
    inStock: init.inStock ?? true,
    unlimited: true,
    categoryIds,
    defaultCategoryId: categoryIds[0] ?? 0,
    isGiftCard: init.isGiftCard ?? false,
    discountsAllowed: init.discountsAllowed ?? true,
    options: [],
    combinations: [],
    created: formatEcwidDate(createdAt),
    updated: formatEcwidDate(now),
    createTimestamp: unixSeconds(createdAt),
    updateTimestamp: unixSeconds(now),
  };
  store.products.set(id, product);
  return structuredClone(product);
}

export function putCategory(state: EmulatorState, store: StoreRecord, init: CategoryInit): EcwidCategory {
  const id = init.id ?? state.nextId("category");
  if (init.parentId !== undefined && !store.categories.has(init.parentId)) {
    throw new Error(`Store ${store.storeId} has no category ${init.parentId} to nest ${init.name} under`);
  }
  const record: CategoryRecord = {
    id,
    ...(init.parentId !== undefined ? { parentId: init.parentId } : {}),
    orderBy: init.orderBy ?? store.categories.size * 10,
    name: init.name,
    nameTranslated: { ...init.nameTranslated },
    url: `${siteUrl(store)}/${slug(init.name)}-c${id}`,
    ...(init.imageUrl ? { imageUrl: init.imageUrl, thumbnailUrl: init.imageUrl } : {}),
    enabled: init.enabled ?? true,
  };
  store.categories.set(id, record);
  return categoryView(store, record, { withProductIds: false });
}

export function requireProduct(store: StoreRecord, id: string | number): EcwidProduct {
  const product = /^\d+$/.test(String(id)) ? store.products.get(Number(id)) : undefined;
  if (!product) throw new EcwidApiError(404, "PRODUCT_NOT_FOUND", `Product ${String(id)} is not found`);
  return product;
}

export function requireCategory(store: StoreRecord, id: string | number): CategoryRecord {
  const category = /^\d+$/.test(String(id)) ? store.categories.get(Number(id)) : undefined;
  if (!category) throw new EcwidApiError(404, "CATEGORY_NOT_FOUND", `Category ${String(id)} is not found`);
  return category;
}

/** The category and every category below it; 0 stands for the top level. */
export function withDescendants(store: StoreRecord, categoryId: number): Set<number> {
  const ids = new Set([categoryId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const category of store.categories.values()) {
      if (ids.has(category.parentId ?? 0) && !ids.has(category.id)) {
        ids.add(category.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** `lang` picks the translated name where there is one (CONTRACT §4.12). */
export function productView(product: EcwidProduct, lang?: string): EcwidProduct {
  const view = structuredClone(product);
  if (lang && product.nameTranslated[lang]) view.name = product.nameTranslated[lang];
  return view;
}

/** `productCount` counts the products of the category and its subcategories, each once. */
export function categoryView(store: StoreRecord, record: CategoryRecord, options: { withProductIds: boolean; lang?: string }): EcwidCategory {
  const tree = withDescendants(store, record.id);
  const inTree = [...store.products.values()].filter((p) => p.categoryIds.some((id) => tree.has(id)));
  const view: EcwidCategory = { ...structuredClone(record), productCount: inTree.length };
  if (options.lang && record.nameTranslated[options.lang]) view.name = record.nameTranslated[options.lang]!;
  if (options.withProductIds) {
    view.productIds = [...store.products.values()].filter((p) => p.categoryIds.includes(record.id)).map((p) => p.id);
  }
  return view;
}
