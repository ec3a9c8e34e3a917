import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID, createEcwidEmulator, seedDemoShop } from "../../../server/ecwid-emulator/index.js";
import { parseEcwidDate } from "../../../server/ecwid-emulator/ecwid-date.js";
import { CLIENT_ID, CLIENT_SECRET, bearer, startEmulator } from "./emulator-fixture.js";

describe("demo shop seed", () => {
  it("when the demo shop is seeded, then Trailhead Outfitters has nine customers and fourteen orders in the expected states, the oldest 84 days back", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });

    const credentials = seedDemoShop(emulator);

    const orders = emulator.getOrders(DEMO_STORE_ID);
    const byStatus = (status: string) => orders.filter((o) => o.paymentStatus === status);
    expect(credentials.storeId).toBe(1003);
    expect(credentials.accessToken).toMatch(/^secret_/);
    expect(emulator.getCustomers(DEMO_STORE_ID)).toHaveLength(9);
    expect(orders).toHaveLength(14);
    expect(byStatus("PAID").length).toBeGreaterThanOrEqual(11);
    expect(byStatus("PARTIALLY_REFUNDED")).toHaveLength(1);
    expect(byStatus("AWAITING_PAYMENT")).toHaveLength(1);
    expect(orders.filter((o) => o.customerId === undefined)).toHaveLength(1);
    const daysBack = orders.map((o) => Math.round((emulator.now().getTime() / 1000 - o.createTimestamp!) / 86_400));
    expect(Math.max(...daysBack)).toBe(84);
    for (const customer of emulator.getCustomers(DEMO_STORE_ID)) {
      const first = Math.min(...orders.filter((o) => o.customerId === customer.id).map((o) => o.createTimestamp!));
      expect(parseEcwidDate(customer.registered)!.getTime() / 1000, customer.email).toBeLessThan(first);
    }
  });

  it("when the demo shop is seeded, then its catalog holds every product the orders bought, each with a picture", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });

    seedDemoShop(emulator);

    const products = new Map(emulator.getProducts(DEMO_STORE_ID).map((p) => [p.id, p]));
    const bought = emulator.getOrders(DEMO_STORE_ID).flatMap((o) => o.items);
    expect(emulator.getCategories(DEMO_STORE_ID).map((c) => c.name)).toEqual(["Trail", "Camp", "Kitchen", "Footwear"]);
    expect(products.size).toBe(9);
    expect([...products.values()].filter((p) => !p.enabled).map((p) => p.name)).toEqual(["Down Parka"]);
    for (const item of bought) expect(products.get(item.productId)).toMatchObject({ name: item.name, sku: item.sku, price: item.price });
    for (const product of products.values()) expect(product.imageUrl).toMatch(/^data:image\/svg\+xml,/);
  });

  it("when the app reads the seeded shop over REST, then the profile is USD with precision 2 and the owner's email", async () => {
    const { emulator, http } = await startEmulator();
    const { accessToken } = seedDemoShop(emulator);

    const profile = await http.get("/api/v3/1003/profile", bearer(accessToken));
    const orders = await http.get("/api/v3/1003/orders", bearer(accessToken));

    expect(profile.data.settings.storeName).toBe("Trailhead Outfitters");
    expect(profile.data.account.accountEmail).toBe("demo@trailhead.example");
    expect(profile.data.formatsAndUnits).toMatchObject({ currency: "USD", currencyPrecision: 2, currencyPrefix: "$" });
    expect(orders.data.total).toBe(14);
  });

  it("when the demo shop is seeded with its storefront's address, then the profile names it, and otherwise the starter site's products page", async () => {
    const { emulator, http } = await startEmulator();
    const { accessToken } = seedDemoShop(emulator, { storeUrl: "http://localhost:3000/demo/store" });
    const other = emulator.addStore({ storeId: 1010 });

    const demo = await http.get("/api/v3/1003/profile", bearer(accessToken));
    const plain = await http.get("/api/v3/1010/profile", bearer(other.accessToken));

    expect(demo.data.generalInfo.storeUrl).toBe("http://localhost:3000/demo/store");
    expect(plain.data.generalInfo).toMatchObject({ storeUrl: "https://store1010.company.site/products", starterSite: { generatedUrl: "https://store1010.company.site" } });
  });
});
