import { Router } from "express";
import { z } from "zod";
import { customerView, requireCustomer, updateCustomer } from "../customer-book.js";
import { searchCustomers } from "../customer-search.js";
import type { EmulatorState } from "../emulator-state.js";
import { paginate } from "../list-query.js";
import { jsonBodyOf } from "./body-readers.js";
import { parseBody } from "./parse-body.js";
import { queryOf, sendJson, storeOf } from "./request-context.js";
import { requireScopes } from "./rest-guards.js";

const personSchema = z
  .object({
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    companyName: z.string(),
    street: z.string(),
    city: z.string(),
    countryCode: z.string(),
    countryName: z.string(),
    postalCode: z.string(),
    stateOrProvinceCode: z.string(),
    stateOrProvinceName: z.string(),
    phone: z.string(),
  })
  .partial();

const customerPatchSchema = z
  .object({
    email: z.email(),
    billingPerson: personSchema,
    customerGroupId: z.number().int().nonnegative(),
    acceptMarketing: z.boolean(),
    lang: z.string(),
    privateAdminNotes: z.string(),
    taxId: z.string(),
    taxExempt: z.boolean(),
    b2b_b2c: z.enum(["b2c", "b2b"]),
    shippingAddresses: z.array(z.unknown()),
    contacts: z.array(z.unknown()),
    externalReferenceId: z.string(),
  })
  .partial();

/** Customers (CONTRACT §4.7): searching, reading, and the `PUT` that assigns a customer group. */
export function customersRoutes(state: EmulatorState): Router {
  const router = Router({ mergeParams: true });
  const canRead = requireScopes(["read_customers"]);

  router.get("/customers", canRead, (req, res) => {
    const query = queryOf(req);
    const store = storeOf(res);
    sendJson(req, res, { ...paginate(searchCustomers(store, query), query), allCustomerCount: store.customers.size });
  });

  router.get("/customers/:customerId", canRead, (req, res) => {
    const store = storeOf(res);
    sendJson(req, res, customerView(store, requireCustomer(store, String(req.params.customerId))));
  });

  router.put("/customers/:customerId", requireScopes(["read_customers", "update_customers"]), (req, res) => {
    const store = storeOf(res);
    const customer = requireCustomer(store, String(req.params.customerId));
    updateCustomer(state, store, customer, parseBody(customerPatchSchema, jsonBodyOf(req)));
    sendJson(req, res, { updateCount: 1 });
  });

  return router;
}
