import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ECWID_SCOPES } from "../../server/config.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.close());

/** A store with two categories (Boots inside Hiking, and a disabled Archive) and four products. */
async function storeWithCatalog(scopes?: string[]) {
  const { storeId } = await app.installStore({ currency: "EUR", currencyPrecision: 2, ...(scopes ? { scopes } : {}) });
  const { emulator } = app;
  emulator.putCategory(storeId, { id: 501, name: "Hiking" });
  emulator.putCategory(storeId, { id: 502, name: "Boots", parentId: 501, imageUrl: "https://images.example/boots.png" });
  emulator.putCategory(storeId, { id: 503, name: "Archive", enabled: false });
  emulator.putProduct(storeId, { id: 11, name: "Trekking Boots", price: 159.9, sku: "TB-1", categoryIds: [502], imageUrl: "https://images.example/tb.png" });
  emulator.putProduct(storeId, { id: 12, name: "Trail Poles", price: 64.5, sku: "TP-2", categoryIds: [501] });
  emulator.putProduct(storeId, { id: 13, name: "Trekking Socks", price: 12, sku: "TS-3", categoryIds: [501] });
  emulator.putProduct(storeId, { id: 14, name: "Old Trekking Tent", price: 99, sku: "OT-4", enabled: false });
  return { storeId, token: await app.adminToken(storeId) };
}

const catalogCalls = () => app.emulator.requests.filter((r) => /\/(products|categories)$/.test(r.path));

describe("admin catalog API", () => {
  it("when the merchant searches products, then what they typed matches as a beginning and each product comes in the picker's shape", async () => {
    const { storeId, token } = await storeWithCatalog();

    const res = await app.http.get("/api/admin/catalog/products", { params: { q: "trek" }, ...bearer(token) });

    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      items: [
        { id: 11, name: "Trekking Boots", sku: "TB-1", priceMinor: 15990, imageUrl: "https://images.example/tb.png", enabled: true, categoryIds: [502] },
        { id: 13, name: "Trekking Socks", sku: "TS-3", priceMinor: 1200, imageUrl: null, enabled: true, categoryIds: [501] },
        { id: 14, name: "Old Trekking Tent", sku: "OT-4", priceMinor: 9900, imageUrl: null, enabled: false, categoryIds: [] },
      ],
      total: 3,
      offset: 0,
      limit: 20,
    });
    expect(catalogCalls()).toEqual([expect.objectContaining({ method: "GET", path: `/api/v3/${storeId}/products`, query: { keyword: "trek*", offset: "0", limit: "20" } })]);
  });

  it("when the merchant pages through products, then limit and offset pick the page and total counts them all", async () => {
    const { token } = await storeWithCatalog();

    const res = await app.http.get("/api/admin/catalog/products", { params: { limit: 2, offset: 2 }, ...bearer(token) });

    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ total: 4, offset: 2, limit: 2 });
    expect(res.data.items.map((p: { id: number }) => p.id)).toEqual([13, 14]);
  });

  it("when the merchant searches categories, then disabled ones are included and each says its parent and product count", async () => {
    const { token } = await storeWithCatalog();

    const all = await app.http.get("/api/admin/catalog/categories", bearer(token));
    const boots = await app.http.get("/api/admin/catalog/categories", { params: { q: "boo" }, ...bearer(token) });

    expect(all.status).toBe(200);
    expect(all.data).toEqual({
      items: [
        { id: 501, name: "Hiking", parentId: null, imageUrl: null, enabled: true, productCount: 3 },
        { id: 502, name: "Boots", parentId: 501, imageUrl: "https://images.example/boots.png", enabled: true, productCount: 1 },
        { id: 503, name: "Archive", parentId: null, imageUrl: null, enabled: false, productCount: 0 },
      ],
      total: 3,
    });
    expect(boots.data.items.map((c: { name: string }) => c.name)).toEqual(["Boots"]);
  });

  it("when the dashboard names saved products by id, then only those come back, asked of Ecwid as one productId list with no keyword", async () => {
    const { storeId, token } = await storeWithCatalog();

    const res = await app.http.get("/api/admin/catalog/products", { params: { ids: "13,11,999", q: "poles" }, ...bearer(token) });

    expect(res.status).toBe(200);
    expect(res.data.items.map((p: { id: number; name: string }) => [p.id, p.name])).toEqual([
      [11, "Trekking Boots"],
      [13, "Trekking Socks"],
    ]);
    expect(catalogCalls()).toEqual([expect.objectContaining({ method: "GET", path: `/api/v3/${storeId}/products`, query: { productId: "13,11,999", offset: "0", limit: "20" } })]);
  });

  it.each(["", "11,", "a,b", "-1", "1.5", Array.from({ length: 101 }, (_, i) => i + 1).join(",")])(
    "when the ids are %j, then it answers 400 naming ids and asks Ecwid nothing",
    async (ids) => {
      const { token } = await storeWithCatalog();
      const res = await app.http.get("/api/admin/catalog/products", { params: { ids }, ...bearer(token) });
      expect(res.status).toBe(400);
      expect(res.data.issues).toEqual([expect.objectContaining({ path: ["ids"] })]);
      expect(catalogCalls()).toEqual([]);
    },
  );

  it("when the query is out of bounds, then it answers 400 naming the field and asks Ecwid nothing", async () => {
    const { token } = await storeWithCatalog();

    const tooMany = await app.http.get("/api/admin/catalog/products", { params: { limit: 500 }, ...bearer(token) });
    const negative = await app.http.get("/api/admin/catalog/products", { params: { offset: -1 }, ...bearer(token) });
    const twice = await app.http.get("/api/admin/catalog/categories?q=a&q=b", bearer(token));
    const anonymous = await app.http.get("/api/admin/catalog/products");

    expect(tooMany.status).toBe(400);
    expect(tooMany.data.code).toBe("validation_failed");
    expect(tooMany.data.message).toContain("limit");
    expect(negative.status).toBe(400);
    expect(twice.status).toBe(400);
    expect(anonymous.status).toBe(401);
    expect(catalogCalls()).toEqual([]);
  });

  it("when the store was installed without read_catalog, then it answers 403 scope_missing with the link that grants it, and after granting the catalog answers", async () => {
    const before = ECWID_SCOPES.filter((scope) => scope !== "read_catalog");
    const { storeId, token } = await storeWithCatalog(before);

    const refused = await app.http.get("/api/admin/catalog/products", bearer(token));

    expect(refused.status).toBe(403);
    expect(refused.data).toEqual({ code: "scope_missing", scope: "read_catalog", grantUrl: `${app.url}/oauth/start`, message: expect.stringContaining("catalog") });
    const start = await app.http.get(new URL(refused.data.grantUrl).pathname);
    const authorize = new URL(start.headers.location as string);
    expect(authorize.searchParams.get("scope")?.split(" ")).toEqual(ECWID_SCOPES);
    const cookie = (start.headers["set-cookie"] ?? [])[0]?.split(";")[0] ?? "";
    const redirect = app.emulator.authorize({
      storeId,
      redirectUri: `${app.url}/oauth/callback`,
      state: authorize.searchParams.get("state") ?? "",
      scope: authorize.searchParams.get("scope") ?? "",
      approve: true,
    });
    expect((await app.http.get(redirect.replace(app.url, ""), { headers: { Cookie: cookie } })).status).toBe(302);
    const granted = await app.http.get("/api/admin/catalog/products", bearer(token));
    expect(granted.status).toBe(200);
    expect(granted.data.total).toBe(4);
  });

  it("when Ecwid keeps failing, then it answers 502 with a clear message after the client's retries", async () => {
    const { token } = await storeWithCatalog();
    app.emulator.failNext(5, { status: 503 });

    const res = await app.http.get("/api/admin/catalog/categories", bearer(token));

    expect(res.status).toBe(502);
    expect(res.data).toEqual({ code: "upstream_failed", message: "Ecwid could not be reached; please try again" });
    expect(catalogCalls()).toHaveLength(5);
    expect(app.emulator.faultsLeft()).toBe(0);
  });
});
