import { describe, expect, it } from "vitest";
import { manualClock } from "../../../server/lib/clock.js";
import { bearer, startEmulator } from "./emulator-fixture.js";

const REWARD = {
  name: "Loyalty reward 500 pts",
  code: "LOY-7Q2K9X",
  discountType: "ABS",
  discount: 5,
  expirationDate: "2025-06-30 23:59:59 +0200",
  usesLimit: "SINGLE",
};

describe("discount coupons", () => {
  it("when a coupon is created, then it answers {id, code} and can be read by code with dates in UTC", async () => {
    const { emulator, http } = await startEmulator({ now: () => new Date("2025-03-06T08:00:00Z") });
    const store = emulator.addStore({ storeId: 1003 });

    const created = await http.post("/api/v3/1003/discount_coupons", REWARD, bearer(store.accessToken));
    const byCode = await http.get("/api/v3/1003/discount_coupons/LOY-7Q2K9X", bearer(store.accessToken));
    const byId = await http.get(`/api/v3/1003/discount_coupons/${created.data.id}`, bearer(store.accessToken));

    expect(created.status).toBe(200);
    expect(created.data).toEqual({ id: expect.any(Number), code: "LOY-7Q2K9X" });
    expect(byCode.data).toEqual(byId.data);
    expect(byCode.data).toMatchObject({
      name: "Loyalty reward 500 pts",
      status: "ACTIVE",
      usesLimit: "SINGLE",
      applicationLimit: "UNLIMITED",
      expirationDate: "2025-06-30 21:59:59 +0000",
      creationDate: "2025-03-06 08:00:00 +0000",
      orderCount: 0,
    });
    expect(emulator.getCoupons(1003)).toHaveLength(1);
  });

  it("when a coupon code already exists, then creating it again answers 409", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    await http.post("/api/v3/1003/discount_coupons", REWARD, bearer(store.accessToken));

    const duplicate = await http.post("/api/v3/1003/discount_coupons", { ...REWARD, code: "loy-7q2k9x" }, bearer(store.accessToken));

    expect(duplicate.status).toBe(409);
    expect(duplicate.data.errorMessage).toContain("already exists");
  });

  it("when a coupon is created without a name, then the API answers 400 WRONG_PARAMETER", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const res = await http.post("/api/v3/1003/discount_coupons", { code: "X1" }, bearer(store.accessToken));

    expect(res.status).toBe(400);
    expect(res.data.errorCode).toBe("WRONG_PARAMETER");
  });

  it("when a coupon is paused by code and then deleted, then a later read answers 404 'Coupon is not found'", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    await http.post("/api/v3/1003/discount_coupons", REWARD, bearer(store.accessToken));

    const paused = await http.put("/api/v3/1003/discount_coupons/LOY-7Q2K9X", { status: "PAUSED" }, bearer(store.accessToken));
    const status = emulator.getCoupons(1003)[0]?.status;
    const removed = await http.delete("/api/v3/1003/discount_coupons/LOY-7Q2K9X", bearer(store.accessToken));
    const gone = await http.get("/api/v3/1003/discount_coupons/LOY-7Q2K9X", bearer(store.accessToken));

    expect(paused.data).toEqual({ updateCount: 1 });
    expect(status).toBe("PAUSED");
    expect(removed.data).toEqual({ deleteCount: 1 });
    expect(gone.status).toBe(404);
    expect(gone.data).toEqual({ errorMessage: "Coupon is not found", errorCode: "DISCOUNT_COUPON_NOT_FOUND" });
  });

  it("when coupons are searched by code, then every code containing it comes back, ignoring case (the looser reading of UNVERIFIED #11)", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.putCoupon(1003, { code: "LOY-1" });
    emulator.putCoupon(1003, { code: "LOY-12" });
    emulator.putCoupon(1003, { code: "OTHER" });

    const res = await http.get("/api/v3/1003/discount_coupons", { ...bearer(store.accessToken), params: { code: "loy-1" } });

    expect(res.data).toMatchObject({ total: 2, items: [{ code: "LOY-1" }, { code: "LOY-12" }] });
  });

  it("when a single-use coupon is used by an order, then it counts the order and reads USEDUP", async () => {
    const { emulator } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    emulator.putCoupon(1003, { code: "ONCE", discount: 5, usesLimit: "SINGLE" });

    const order = emulator.putOrder(1003, { couponCode: "ONCE", subtotal: 20 });

    expect(order).toMatchObject({ couponDiscount: 5, discount: 5, total: 15, discountCoupon: { code: "ONCE" } });
    expect(emulator.getCoupons(1003)[0]).toMatchObject({ orderCount: 1, status: "USEDUP" });
  });

  it("when a coupon's expiration date passes, then it reads EXPIRED", async () => {
    const clock = manualClock("2025-01-01T00:00:00Z");
    const { emulator } = await startEmulator({ now: clock.now });
    emulator.addStore({ storeId: 1003 });
    emulator.putCoupon(1003, { code: "SOON", expirationDate: "2025-01-02 00:00:00 +0000" });

    clock.advance(2 * 86_400_000);

    expect(emulator.getCoupons(1003)[0]?.status).toBe("EXPIRED");
  });
});

describe("customers and customer groups", () => {
  it("when a group is created and a customer assigned to it, then the customer reads back in that group", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const customer = emulator.putCustomer(1003, { email: "ann@example.com", name: "Ann Lee" });

    const group = await http.post("/api/v3/1003/customer_groups", { name: "Gold" }, bearer(store.accessToken));
    const assigned = await http.put(`/api/v3/1003/customers/${customer.id}`, { customerGroupId: group.data.id }, bearer(store.accessToken));
    const read = await http.get(`/api/v3/1003/customers/${customer.id}`, bearer(store.accessToken));
    const groups = await http.get("/api/v3/1003/customer_groups", bearer(store.accessToken));

    expect(group.data).toEqual({ id: expect.any(Number) });
    expect(assigned.data).toEqual({ updateCount: 1 });
    expect(read.data).toMatchObject({ email: "ann@example.com", customerGroupId: group.data.id, customerGroupName: "Gold" });
    expect(groups.data).toEqual({
      total: 2,
      count: 2,
      offset: 0,
      limit: 100,
      items: [
        { id: 0, name: "General" },
        { id: group.data.id, name: "Gold" },
      ],
    });
  });

  it("when a customer is assigned to a group that does not exist, then the API answers 400", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const customer = emulator.putCustomer(1003);

    const res = await http.put(`/api/v3/1003/customers/${customer.id}`, { customerGroupId: 424242 }, bearer(store.accessToken));

    expect(res.status).toBe(400);
  });

  it("when a group is deleted, then its members fall back to General", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const gold = emulator.putCustomerGroup(1003, { name: "Gold" });
    const customer = emulator.putCustomer(1003, { customerGroupId: gold.id });

    const res = await http.delete(`/api/v3/1003/customer_groups/${gold.id}`, bearer(store.accessToken));

    expect(res.data).toEqual({ deleteCount: 1 });
    expect(emulator.getCustomer(1003, customer.id)?.customerGroupId).toBe(0);
    expect((await http.get(`/api/v3/1003/customer_groups/${gold.id}`, bearer(store.accessToken))).status).toBe(404);
  });

  it("when customers are searched by email or keyword, then matches come back with their order stats", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const ann = emulator.putCustomer(1003, { email: "ann@example.com", name: "Ann Lee" });
    emulator.putCustomer(1003, { email: "bob@example.com", name: "Bob Stone" });
    emulator.putOrder(1003, { customerId: ann.id, subtotal: 20 });
    emulator.putOrder(1003, { customerId: ann.id, subtotal: 30 });

    const byEmail = await http.get("/api/v3/1003/customers", { ...bearer(store.accessToken), params: { email: "ann@example.com" } });
    const byKeyword = await http.get("/api/v3/1003/customers", { ...bearer(store.accessToken), params: { keyword: "stone" } });

    expect(byEmail.data).toMatchObject({ total: 1, allCustomerCount: 2, items: [{ id: ann.id, name: "Ann Lee", totalOrderCount: 2 }] });
    expect(byEmail.data.items[0].stats).toMatchObject({ numberOfOrders: 2, salesValue: 50, averageOrderValue: 25 });
    expect(byKeyword.data.items.map((c: { email: string }) => c.email)).toEqual(["bob@example.com"]);
  });

  it("when the token cannot create customers, then creating a group is refused", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003, scopes: ["read_customers", "update_customers"] });

    const res = await http.post("/api/v3/1003/customer_groups", { name: "Gold" }, bearer(store.accessToken));

    expect(res.status).toBe(403);
    expect(res.data.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
  });
});
