import { Router } from "express";
import { z } from "zod";
import type { CouponInit } from "../api-types.js";
import { couponView, createCoupon, requireCoupon, updateCoupon } from "../coupon-book.js";
import type { EmulatorState } from "../emulator-state.js";
import { listParam, paginate } from "../list-query.js";
import { jsonBodyOf } from "./body-readers.js";
import { parseBody } from "./parse-body.js";
import { queryOf, sendJson, storeOf } from "./request-context.js";
import { requireScopes } from "./rest-guards.js";

const couponFields = {
  name: z.string().trim().min(1),
  code: z.string().trim().min(1).max(128),
  discountType: z.enum(["ABS", "PERCENT", "SHIPPING", "ABS_AND_SHIPPING", "PERCENT_AND_SHIPPING"]).optional(),
  status: z.enum(["ACTIVE", "PAUSED"]).optional(),
  discount: z.number().nonnegative().optional(),
  launchDate: z.string().optional(),
  expirationDate: z.string().optional(),
  totalLimit: z.number().nonnegative().optional(),
  usesLimit: z.enum(["UNLIMITED", "ONCEPERCUSTOMER", "SINGLE"]).optional(),
  applicationLimit: z.enum(["UNLIMITED", "NEW_CUSTOMER_ONLY", "REPEAT_CUSTOMER_ONLY"]).optional(),
  repeatCustomerOnly: z.boolean().optional(),
  catalogLimit: z.object({ products: z.array(z.number()).optional(), categories: z.array(z.number()).optional() }).optional(),
  shippingLimit: z.object({ shippingMethods: z.array(z.string()).optional() }).optional(),
};
const createSchema = z.object(couponFields);
const updateSchema = z.object(couponFields).partial();

/** The deprecated `repeatCustomerOnly` only counts when `applicationLimit` is absent (CONTRACT §4.9). */
function toCouponInput<T extends { applicationLimit?: CouponInit["applicationLimit"]; repeatCustomerOnly?: boolean }>(input: T): Omit<T, "repeatCustomerOnly"> {
  const { repeatCustomerOnly, ...rest } = input;
  if (rest.applicationLimit === undefined && repeatCustomerOnly !== undefined) {
    return { ...rest, applicationLimit: repeatCustomerOnly ? "REPEAT_CUSTOMER_ONLY" : "UNLIMITED" };
  }
  return rest;
}

/** Discount coupons (CONTRACT §4.9), addressed by numeric id or by code. */
export function couponsRoutes(state: EmulatorState): Router {
  const router = Router({ mergeParams: true });
  const canRead = requireScopes(["read_discount_coupons"]);
  const canUpdate = requireScopes(["update_discount_coupons"]);

  // The `code` filter is a "search term" (CONTRACT §4.9, UNVERIFIED #11): played as the looser reading, a
  // substring ignoring case, so the app must pick the exact code out of what comes back.
  router.get("/discount_coupons", canRead, (req, res) => {
    const query = queryOf(req);
    const store = storeOf(res);
    const code = query.code?.toLowerCase();
    const types = listParam(query, "discount_type");
    const statuses = listParam(query, "availability");
    const coupons = [...store.coupons.values()]
      .map((record) => couponView(store, record, state.now()))
      .filter((c) => (!code || c.code.toLowerCase().includes(code)) && (!types || types.includes(c.discountType)) && (!statuses || statuses.includes(c.status)))
      .sort((a, b) => a.id - b.id);
    sendJson(req, res, paginate(coupons, query));
  });

  router.post("/discount_coupons", requireScopes(["create_discount_coupons"]), (req, res) => {
    const input = toCouponInput(parseBody(createSchema, jsonBodyOf(req)));
    const coupon = createCoupon(state, storeOf(res), input);
    sendJson(req, res, { id: coupon.id, code: coupon.code });
  });

  router.get("/discount_coupons/:coupon", canRead, (req, res) => {
    const store = storeOf(res);
    sendJson(req, res, couponView(store, requireCoupon(store, String(req.params.coupon)), state.now()));
  });

  router.put("/discount_coupons/:coupon", canUpdate, (req, res) => {
    const store = storeOf(res);
    const coupon = requireCoupon(store, String(req.params.coupon));
    updateCoupon(state, store, coupon, toCouponInput(parseBody(updateSchema, jsonBodyOf(req))));
    sendJson(req, res, { updateCount: 1 });
  });

  router.delete("/discount_coupons/:coupon", canUpdate, (req, res) => {
    const store = storeOf(res);
    store.coupons.delete(requireCoupon(store, String(req.params.coupon)).id);
    sendJson(req, res, { deleteCount: 1 });
  });

  return router;
}
