import { describe, expect, it } from "vitest";
import { ActionRefused, createEcwidEmulator } from "../../../server/ecwid-emulator/index.js";
import { CLIENT_ID, CLIENT_SECRET } from "./emulator-fixture.js";

const STORE = 1004;

function shop() {
  const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  emulator.addStore({ storeId: STORE });
  emulator.putProduct(STORE, { id: 11, name: "Camp Kettle", price: 40 });
  emulator.putCustomer(STORE, { id: 270919601, email: "maya@example.com", name: "Maya Chen" });
  emulator.putCoupon(STORE, { code: "MAYA-7Q2K", discountType: "PERCENT", discount: 10, usesLimit: "ONCEPERCUSTOMER", applicationLimit: "NEW_CUSTOMER_ONLY" });
  return emulator;
}

const buy = (emulator: ReturnType<typeof shop>, email: string, options: { customerId?: number | null; couponCode?: string } = {}) =>
  emulator.storefront.checkout(STORE, { email, items: [{ productId: 11 }], ...options });

describe("storefront checkout with a coupon's customer limits", () => {
  it("when a new shopper uses a new-customers-only coupon, then the order has it and its discount", async () => {
    const emulator = shop();
    const { order } = await buy(emulator, "lena@example.com", { couponCode: "maya-7q2k" });
    expect(order).toMatchObject({ discountCoupon: { code: "MAYA-7Q2K" }, couponDiscount: 4, total: 36 });
  });

  it("when the email or the signed-in customer already has a paid order, then a new-customers-only coupon is refused and no order is made", async () => {
    const emulator = shop();
    await buy(emulator, "lena@example.com");
    emulator.putOrder(STORE, { email: "old-address@example.com", customerId: 270919601, subtotal: 20, paymentStatus: "REFUNDED" });
    const before = emulator.getOrders(STORE).length;

    await expect(buy(emulator, "LENA@example.com", { couponCode: "MAYA-7Q2K" })).rejects.toThrow(new ActionRefused("The coupon code MAYA-7Q2K is for new customers only"));
    await expect(buy(emulator, "maya@example.com", { customerId: 270919601, couponCode: "MAYA-7Q2K" })).rejects.toThrow(ActionRefused);
    expect(emulator.getOrders(STORE)).toHaveLength(before);
  });

  it("when the shopper's earlier order only awaits payment, then they are still new", async () => {
    const emulator = shop();
    await emulator.storefront.checkout(STORE, { email: "lena@example.com", items: [{ productId: 11 }], paymentStatus: "AWAITING_PAYMENT" });
    await expect(buy(emulator, "lena@example.com", { couponCode: "MAYA-7Q2K" })).resolves.toBeDefined();
  });

  it("when a once-per-customer coupon was used by this shopper before, then it is refused again, even unpaid", async () => {
    const emulator = shop();
    emulator.putCoupon(STORE, { code: "WELCOME", discountType: "ABS", discount: 5, usesLimit: "ONCEPERCUSTOMER" });
    await emulator.storefront.checkout(STORE, { email: "lena@example.com", items: [{ productId: 11 }], couponCode: "WELCOME", paymentStatus: "AWAITING_PAYMENT" });

    await expect(buy(emulator, "lena@example.com", { couponCode: "WELCOME" })).rejects.toThrow(new ActionRefused("The coupon code WELCOME was already used by this customer"));
    await expect(buy(emulator, "ivy@example.com", { couponCode: "WELCOME" })).resolves.toBeDefined();
  });

  it("when a returning-customers-only coupon meets a first order, then it is refused", async () => {
    const emulator = shop();
    emulator.putCoupon(STORE, { code: "AGAIN", discountType: "ABS", discount: 5, applicationLimit: "REPEAT_CUSTOMER_ONLY" });
    await expect(buy(emulator, "new@example.com", { couponCode: "AGAIN" })).rejects.toThrow(new ActionRefused("The coupon code AGAIN is for returning customers only"));
  });
});
