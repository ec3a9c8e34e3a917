import { describe, expect, it } from "vitest";
import type { EcwidEmulator } from "../../../server/ecwid-emulator/index.js";
import { bearer, startEmulator } from "./emulator-fixture.js";

const CATALOG_SCOPELESS = ["read_orders", "public_storefront"];

/** Outdoor (Hiking > Boots) and Kitchen, five products, one disabled. */
function seedCatalog(emulator: EcwidEmulator, storeId: number) {
  const hiking = emulator.putCategory(storeId, { id: 501, name: "Hiking", nameTranslated: { nl: "Wandelen" } });
  const boots = emulator.putCategory(storeId, { id: 502, name: "Boots", parentId: hiking.id });
  const kitchen = emulator.putCategory(storeId, { id: 503, name: "Kitchen" });
  emulator.putCategory(storeId, { id: 504, name: "Archive", enabled: false });
  emulator.putProduct(storeId, { id: 11, name: "Trekking Boots", price: 159.9, sku: "TB-1", categoryIds: [boots.id], nameTranslated: { nl: "Wandelschoenen" } });
  emulator.putProduct(storeId, { id: 12, name: "Trail Poles", price: 64.5, sku: "TP-2", categoryIds: [hiking.id] });
  emulator.putProduct(storeId, { id: 13, name: "Camp Kettle", price: 29, sku: "CK-3", categoryIds: [kitchen.id], description: "<p>Boils a litre for the <b>trail</b></p>" });
  emulator.putProduct(storeId, { id: 14, name: "Gift Card", price: 50, sku: "GC-50", isGiftCard: true });
  emulator.putProduct(storeId, { id: 15, name: "Old Tent", price: 99, sku: "OT-5", categoryIds: [hiking.id], enabled: false });
}

async function catalogStore(scopes?: string[]) {
  const fixture = await startEmulator();
  const store = fixture.emulator.addStore({ storeId: 1003, ...(scopes ? { scopes } : {}) });
  seedCatalog(fixture.emulator, 1003);
  const get = (path: string, token = store.accessToken) => fixture.http.get(`/api/v3/1003${path}`, bearer(token));
  return { ...fixture, store, get };
}

const ids = (items: { id: number }[]) => items.map((item) => item.id);

describe("catalog: products", () => {
  it("when products are searched by keyword, then whole words match, and a trailing * matches the last word as a prefix", async () => {
    const { get } = await catalogStore();

    const whole = await get("/products?keyword=trail");
    const partial = await get("/products?keyword=tre");
    const prefix = await get("/products?keyword=tre*");
    const bySku = await get("/products?keyword=TB-1");
    const byCategoryName = await get("/products?keyword=kitchen");

    expect(ids(whole.data.items)).toEqual([12, 13]); // "Trail Poles", and the kettle's description
    expect(partial.data.items).toEqual([]);
    expect(ids(prefix.data.items)).toEqual([11]);
    expect(ids(bySku.data.items)).toEqual([11]);
    expect(ids(byCategoryName.data.items)).toEqual([13]);
  });

  it("when products are filtered by category, enabled and price, then only matching ones come back, with Ecwid's fields", async () => {
    const { get } = await catalogStore();

    const hiking = await get("/products?category=501");
    const either = await get("/products?categories=502,503");
    const frontPage = await get("/products?category=0");
    const enabled = await get("/products?enabled=true&priceFrom=30&priceTo=160");

    expect(ids(hiking.data.items)).toEqual([12, 15]);
    expect(ids(either.data.items)).toEqual([11, 13]);
    expect(ids(frontPage.data.items)).toEqual([14]);
    expect(ids(enabled.data.items)).toEqual([11, 12, 14]);
    expect(hiking.data.items[0]).toMatchObject({
      id: 12,
      sku: "TP-2",
      name: "Trail Poles",
      price: 64.5,
      enabled: true,
      inStock: true,
      categoryIds: [501],
      defaultCategoryId: 501,
      discountsAllowed: true,
      isGiftCard: false,
      url: "https://store1003.company.site/products/trail-poles-p12",
    });
  });

  it("when products are paged, then total counts every match and offset and limit pick the page", async () => {
    const { get } = await catalogStore();

    const page = await get("/products?offset=1&limit=2");
    const capped = await get("/products?limit=500");

    expect(page.data).toMatchObject({ total: 5, count: 2, offset: 1, limit: 2 });
    expect(ids(page.data.items)).toEqual([12, 13]);
    expect(capped.data).toMatchObject({ total: 5, count: 5, limit: 100 });
  });

  it("when productId is given, then the other filters are ignored; one product reads by id, translated with lang", async () => {
    const { get } = await catalogStore();

    const listed = await get("/products?productId=15,11&enabled=true&keyword=nothing");
    const one = await get("/products/11?lang=nl");
    const missing = await get("/products/999");

    expect(ids(listed.data.items)).toEqual([11, 15]);
    expect(one.data).toMatchObject({ id: 11, name: "Wandelschoenen", nameTranslated: { nl: "Wandelschoenen" } });
    expect(missing.status).toBe(404);
  });

  it("when a filter has a value Ecwid cannot read, then the API answers 400 WRONG_PARAMETER", async () => {
    const { get } = await catalogStore();

    const res = await get("/products?enabled=maybe");

    expect(res.status).toBe(400);
    expect(res.data.errorCode).toBe("WRONG_PARAMETER");
  });
});

describe("catalog: categories", () => {
  it("when categories are listed, then disabled ones are left out unless asked for, and productCount includes subcategories", async () => {
    const { get } = await catalogStore();

    const visible = await get("/categories");
    const all = await get("/categories?hidden_categories=true");

    expect(ids(visible.data.items)).toEqual([501, 502, 503]);
    expect(ids(all.data.items)).toEqual([501, 502, 503, 504]);
    expect(visible.data.items[0]).toMatchObject({ id: 501, name: "Hiking", productCount: 3, enabled: true, url: "https://store1003.company.site/products/hiking-c501" });
    expect(visible.data.items[0]).not.toHaveProperty("parentId");
    expect(visible.data.items[1]).toMatchObject({ id: 502, parentId: 501, productCount: 1 });
  });

  it("when categories are filtered by parent, keyword and productIds, then the tree and the products follow", async () => {
    const { get } = await catalogStore();

    const top = await get("/categories?parent=0");
    const below = await get("/categories?parent=501&withSubcategories=true");
    const found = await get("/categories?keyword=wandelen&lang=nl");
    const withProducts = await get("/categories?parent=501&productIds=true");

    expect(ids(top.data.items)).toEqual([501, 503]);
    expect(ids(below.data.items)).toEqual([502]);
    expect(found.data.items).toEqual([expect.objectContaining({ id: 501, name: "Wandelen" })]);
    expect(withProducts.data.items).toEqual([expect.objectContaining({ id: 502, productIds: [11] })]);
  });
});

describe("catalog: scope", () => {
  it("when the token lacks read_catalog, then products and categories answer 403 INSUFFICIENT_APP_SCOPE", async () => {
    const { get } = await catalogStore(CATALOG_SCOPELESS);

    const products = await get("/products");
    const categories = await get("/categories");

    expect(products.status).toBe(403);
    expect(products.data).toEqual({ errorCode: "INSUFFICIENT_APP_SCOPE", errorMessage: "Missing access scopes: read_catalog" });
    expect(categories.status).toBe(403);
    expect(categories.data.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
  });

  it("when the store granted read_catalog, then its public token reads the catalog too", async () => {
    const { get, store } = await catalogStore(["read_catalog", "public_storefront"]);

    const res = await get("/products?limit=1", store.publicToken);

    expect(res.status).toBe(200);
    expect(res.data.total).toBe(5);
  });
});
