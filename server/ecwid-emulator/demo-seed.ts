import type { OrderInit, OrderItemInit, StoreCredentials } from "./api-types.js";
import { DEMO_PRODUCTS, seedDemoCatalog } from "./demo-catalog.js";
import type { EcwidEmulator } from "./emulator.js";

export const DEMO_STORE_ID = 1003;

const DAY_MS = 86_400_000;

/** `registered`: days before the seed that each signed up, before their first order. */
const CUSTOMERS = [
  { id: 270919601, name: "Maya Chen", email: "maya.chen@example.com", registered: 90 },
  { id: 270919602, name: "Diego Alvarez", email: "diego.alvarez@example.com", registered: 81 },
  { id: 270919603, name: "Priya Nair", email: "priya.nair@example.com", registered: 72 },
  { id: 270919604, name: "Tom Becker", email: "tom.becker@example.com", registered: 63 },
  { id: 270919605, name: "Aisha Okafor", email: "aisha.okafor@example.com", registered: 54 },
  { id: 270919606, name: "Lena Novak", email: "lena.novak@example.com", registered: 45 },
  { id: 270919607, name: "Noah Kim", email: "noah.kim@example.com", registered: 88 },
  { id: 270919608, name: "Elena Rossi", email: "elena.rossi@example.com", registered: 70 },
  { id: 270919609, name: "Ben Carter", email: "ben.carter@example.com", registered: 61 },
] as const;

const item = (product: (typeof DEMO_PRODUCTS)[keyof typeof DEMO_PRODUCTS], quantity = 1): OrderItemInit => ({
  name: product.name,
  price: product.price,
  sku: product.sku,
  productId: product.id,
  categoryId: product.categoryIds[0] ?? 0,
  quantity,
});

/**
 * One believable shop for demo mode and end-to-end tests: Trailhead Outfitters (store 1003, USD) with a catalog,
 * nine customers and fourteen orders over the last 84 days, mostly paid, one partly refunded, one awaiting payment
 * and one guest checkout.
 * Signs the store in, so the consent page installs into it. `storeUrl`: where the shop's storefront is (demo mode's page).
 */
export function seedDemoShop(emulator: EcwidEmulator, options: { storeUrl?: string } = {}): StoreCredentials {
  const credentials = emulator.addStore({
    ...options,
    storeId: DEMO_STORE_ID,
    storeName: "Trailhead Outfitters",
    ownerEmail: "demo@trailhead.example",
    currency: "USD",
    currencyPrecision: 2,
    currencyPrefix: "$",
    lang: "en",
  });
  emulator.signIn(DEMO_STORE_ID);
  seedDemoCatalog(emulator, DEMO_STORE_ID);
  const now = emulator.now().getTime();
  const daysAgo = (days: number) => new Date(now - days * DAY_MS);

  CUSTOMERS.forEach(({ registered, ...customer }, index) => {
    emulator.putCustomer(DEMO_STORE_ID, { ...customer, registered: daysAgo(registered), acceptMarketing: index % 2 === 0 });
  });
  emulator.putCoupon(DEMO_STORE_ID, { code: "WELCOME10", name: "Welcome 10% off", discountType: "PERCENT", discount: 10 });

  const [maya, diego, priya, tom, aisha, lena, noah, elena, ben] = CUSTOMERS.map((c) => c.id);
  const orders: OrderInit[] = [
    {
      id: "TH4KQ",
      customerId: maya,
      items: [item(DEMO_PRODUCTS.shoes), item(DEMO_PRODUCTS.socks, 2)],
      shipping: 8.5,
      tax: 13.28,
      fulfillmentStatus: "DELIVERED",
      createDate: daysAgo(41),
    },
    {
      id: "TH7MX",
      customerId: maya,
      items: [item(DEMO_PRODUCTS.headlamp)],
      shipping: 4.99,
      fulfillmentStatus: "SHIPPED",
      createDate: daysAgo(12),
    },
    {
      id: "TH2PD",
      customerId: diego,
      items: [item(DEMO_PRODUCTS.tent)],
      couponCode: "WELCOME10",
      fulfillmentStatus: "DELIVERED",
      createDate: daysAgo(30),
    },
    {
      id: "TH9RJ",
      customerId: priya,
      items: [item(DEMO_PRODUCTS.jacket)],
      shipping: 6,
      fulfillmentStatus: "DELIVERED",
      createDate: daysAgo(21),
    },
    { id: "TH3WB", customerId: priya, items: [item(DEMO_PRODUCTS.bottle, 2)], fulfillmentStatus: "PROCESSING", createDate: daysAgo(5) },
    {
      id: "TH6NZ",
      customerId: tom,
      items: [item(DEMO_PRODUCTS.socks, 3), item(DEMO_PRODUCTS.trailMix)],
      paymentStatus: "AWAITING_PAYMENT",
      paymentMethod: "Bank transfer",
      createDate: daysAgo(1),
    },
    { id: "TH8LC", customerId: aisha, items: [item(DEMO_PRODUCTS.shoes)], fulfillmentStatus: "DELIVERED", createDate: daysAgo(26) },
    { id: "TH5HV", customerId: aisha, items: [item(DEMO_PRODUCTS.mug, 2)], createDate: daysAgo(3) },
    {
      id: "TH1GT",
      customerId: lena,
      items: [item(DEMO_PRODUCTS.tent), item(DEMO_PRODUCTS.headlamp)],
      tax: 31.03,
      fulfillmentStatus: "PROCESSING",
      createDate: daysAgo(2),
    },
    // Three earlier customers, so the overview's 90 days have a past: Elena's tent lifts her to Ridge.
    { id: "TH2QF", customerId: noah, items: [item(DEMO_PRODUCTS.jacket)], shipping: 6, fulfillmentStatus: "DELIVERED", createDate: daysAgo(84) },
    { id: "TH8VN", customerId: elena, items: [item(DEMO_PRODUCTS.tent), item(DEMO_PRODUCTS.mug)], fulfillmentStatus: "DELIVERED", createDate: daysAgo(66) },
    { id: "TH6TB", customerId: ben, items: [item(DEMO_PRODUCTS.headlamp), item(DEMO_PRODUCTS.trailMix)], shipping: 4.99, fulfillmentStatus: "DELIVERED", createDate: daysAgo(58) },
    { id: "TH5KR", customerId: noah, items: [item(DEMO_PRODUCTS.socks, 2)], fulfillmentStatus: "DELIVERED", createDate: daysAgo(47) },
    {
      id: "TH0YS",
      customerId: null,
      email: "sam.rivera@example.com",
      items: [item(DEMO_PRODUCTS.bottle), item(DEMO_PRODUCTS.trailMix)],
      fulfillmentStatus: "SHIPPED",
      createDate: daysAgo(7),
    },
  ];
  for (const order of orders) emulator.putOrder(DEMO_STORE_ID, { ...order, updateDate: order.createDate });
  emulator.refundOrder(DEMO_STORE_ID, "TH9RJ", 40, { reason: "Returned the hood attachment", source: "CP" });

  return credentials;
}
