import type { CouponInit } from "./api-types.js";
import { EcwidApiError, wrongParameter } from "./ecwid-api-error.js";
import { formatEcwidDate, parseEcwidDate } from "./ecwid-date.js";
import type { CouponRecord, EmulatorState, StoreRecord } from "./emulator-state.js";
import type { EcwidCoupon } from "./wire-types.js";

export type CouponPatch = Partial<CouponInit>;

const sameCode = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `GET|PUT|DELETE /discount_coupons/{id or code}` (CONTRACT §4.9): the numeric id wins, then the code. */
export function findCoupon(store: StoreRecord, idOrCode: string | number): CouponRecord | undefined {
  const key = String(idOrCode);
  if (/^\d+$/.test(key)) {
    const byId = store.coupons.get(Number(key));
    if (byId) return byId;
  }
  return [...store.coupons.values()].find((c) => sameCode(c.code, key));
}

export function requireCoupon(store: StoreRecord, idOrCode: string | number): CouponRecord {
  const coupon = findCoupon(store, idOrCode);
  if (!coupon) throw new EcwidApiError(404, "DISCOUNT_COUPON_NOT_FOUND", "Coupon is not found");
  return coupon;
}

/** Read-time view: the use count comes from the orders, and Ecwid flips ACTIVE to EXPIRED or USEDUP itself. */
export function couponView(store: StoreRecord, coupon: CouponRecord, now: Date): EcwidCoupon {
  let orderCount = 0;
  for (const { order } of store.orders.values()) if (order.discountCoupon?.id === coupon.id) orderCount += 1;
  let status = coupon.status;
  if (status === "ACTIVE" && coupon.expirationDate && (parseEcwidDate(coupon.expirationDate)?.getTime() ?? Infinity) < now.getTime()) {
    status = "EXPIRED";
  } else if (status === "ACTIVE" && coupon.usesLimit === "SINGLE" && orderCount > 0) {
    status = "USEDUP";
  }
  return structuredClone({ ...coupon, status, orderCount });
}

export function createCoupon(state: EmulatorState, store: StoreRecord, init: CouponInit): CouponRecord {
  assertCodeFree(store, init.code);
  const id = init.id ?? state.nextId("coupon");
  if (store.coupons.has(id)) throw new EcwidApiError(409, "CONSTRAINT_VIOLATION", `Coupon with id ${id} already exists`);
  const stamp = formatEcwidDate(state.now());
  const record: CouponRecord = {
    id,
    name: init.name ?? init.code,
    code: init.code,
    discountType: init.discountType ?? "ABS",
    status: init.status ?? "ACTIVE",
    discount: init.discount ?? 0,
    usesLimit: init.usesLimit ?? "UNLIMITED",
    applicationLimit: init.applicationLimit ?? "UNLIMITED",
    repeatCustomerOnly: init.applicationLimit === "REPEAT_CUSTOMER_ONLY",
    creationDate: stamp,
    updateDate: stamp,
  };
  applyOptionalFields(record, init);
  store.coupons.set(id, record);
  return record;
}

export function updateCoupon(state: EmulatorState, store: StoreRecord, coupon: CouponRecord, patch: CouponPatch): void {
  if (patch.code !== undefined && !sameCode(patch.code, coupon.code)) assertCodeFree(store, patch.code);
  if (patch.name !== undefined) coupon.name = patch.name;
  if (patch.code !== undefined) coupon.code = patch.code;
  if (patch.discountType !== undefined) coupon.discountType = patch.discountType;
  if (patch.status !== undefined) coupon.status = patch.status;
  if (patch.discount !== undefined) coupon.discount = patch.discount;
  if (patch.usesLimit !== undefined) coupon.usesLimit = patch.usesLimit;
  if (patch.applicationLimit !== undefined) {
    coupon.applicationLimit = patch.applicationLimit;
    coupon.repeatCustomerOnly = patch.applicationLimit === "REPEAT_CUSTOMER_ONLY";
  }
  applyOptionalFields(coupon, patch);
  coupon.updateDate = formatEcwidDate(state.now());
}

function applyOptionalFields(record: CouponRecord, input: CouponPatch): void {
  if (input.launchDate !== undefined) record.launchDate = normaliseDate(input.launchDate, "launchDate");
  if (input.expirationDate !== undefined) record.expirationDate = normaliseDate(input.expirationDate, "expirationDate");
  if (input.totalLimit !== undefined) record.totalLimit = input.totalLimit;
  if (input.catalogLimit !== undefined) {
    record.catalogLimit = { products: input.catalogLimit.products ?? [], categories: input.catalogLimit.categories ?? [] };
  }
  if (input.shippingLimit !== undefined) record.shippingLimit = { shippingMethods: input.shippingLimit.shippingMethods ?? [] };
}

function assertCodeFree(store: StoreRecord, code: string): void {
  if ([...store.coupons.values()].some((c) => sameCode(c.code, code))) {
    throw new EcwidApiError(409, "CONSTRAINT_VIOLATION", `Coupon with code '${code}' already exists`);
  }
}

/** Ecwid normalises coupon dates to UTC. */
function normaliseDate(value: Date | string, field: string): string {
  const at = value instanceof Date ? value : parseEcwidDate(value);
  if (!at) throw wrongParameter(`Wrong date format in '${field}': ${String(value)}`);
  return formatEcwidDate(at);
}
