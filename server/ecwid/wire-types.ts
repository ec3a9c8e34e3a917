import { z } from "zod";

/** The parts of Ecwid's REST responses Questline reads (CONTRACT §4). Unknown fields pass through untouched. */
export const storeProfileSchema = z.looseObject({
  generalInfo: z.looseObject({
    storeId: z.number().int(),
    // Where the shop is: read for the referral landing's redirect, so a shape we cannot read names no address rather than failing the install.
    storeUrl: z.string().optional().catch(undefined),
    starterSite: z
      .looseObject({ generatedUrl: z.string().optional().catch(undefined) })
      .optional()
      .catch(undefined),
  }),
  account: z
    .looseObject({
      accountName: z.string().optional(),
      accountEmail: z.string().optional(),
      /** The plan's features, e.g. "CUSTOMER_GROUPS" (CONTRACT §4.5); a shape we cannot read says nothing. */
      availableFeatures: z.array(z.string()).optional().catch(undefined),
    })
    .optional(),
  settings: z.looseObject({ storeName: z.string().optional() }).optional(),
  formatsAndUnits: z
    .looseObject({
      currency: z.string().optional(),
      currencyPrecision: z.number().int().min(0).max(4).optional(),
      timezone: z.string().optional(),
    })
    .optional(),
  languages: z.looseObject({ defaultLanguage: z.string().optional() }).optional(),
});
export type StoreProfile = z.infer<typeof storeProfileSchema>;

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().default(""),
  store_id: z.coerce.number().int().positive(),
  email: z.string().optional(),
  public_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

const money = z.coerce.number().finite();

/** An order as GET /orders/{id} returns it; amounts are decimals in the store currency (CONTRACT §4.6). */
export const orderSchema = z.looseObject({
  id: z.coerce.string(),
  internalId: z.number().int().optional(),
  email: z.string().nullish(),
  customerId: z.number().int().nullish(),
  paymentStatus: z.string(),
  fulfillmentStatus: z.string().optional(),
  total: money.default(0),
  subtotal: money.default(0),
  subtotalWithoutTax: money.optional(),
  discount: money.optional(),
  refundedAmount: money.optional(),
  refunds: z.array(z.looseObject({ amount: money.optional() })).optional(),
  createTimestamp: z.number().int().optional(),
  updateTimestamp: z.number().int().optional(),
  createDate: z.string().optional(),
  discountCoupon: z.looseObject({ code: z.coerce.string().optional() }).nullish(),
  extraFields: z.record(z.string(), z.unknown()).nullish(),
  /** The storefront language the order was placed in. */
  lang: z.string().nullish(),
  /** The products bought, each with the category it was bought from (0: none) (CONTRACT §4.6, §4.12). */
  /** Who pays (CONTRACT §4.6): the member's name on the leaderboard. A shape we cannot read names nobody, never fails the order. */
  billingPerson: z.looseObject({ name: z.string().nullish(), firstName: z.string().nullish(), lastName: z.string().nullish() }).nullish().catch(null),
  /** Where the order goes (CONTRACT §4.6): a referral's friend shipping to the ambassador's door. A shape we cannot read is no address. */
  shippingPerson: z
    .looseObject({ street: z.string().nullish(), city: z.string().nullish(), postalCode: z.string().nullish(), countryCode: z.string().nullish() })
    .nullish()
    .catch(null),
  /** The extra fields as a list (CONTRACT §4.6, §5.3), each by its id; read beside `extraFields`. */
  orderExtraFields: z
    .array(z.looseObject({ id: z.coerce.string(), value: z.unknown() }))
    .nullish()
    .catch(null),
  items: z.array(z.looseObject({ productId: z.number().int().nullish(), categoryId: z.number().int().nullish(), quantity: z.number().int().nullish() })).nullish(),
});
export type EcwidOrder = z.infer<typeof orderSchema>;

/** A list endpoint's page (CONTRACT §4.2). */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    total: z.number().int(),
    count: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    items: z.array(item),
  });

export const orderPageSchema = pageOf(orderSchema);
export type EcwidOrderPage = z.infer<typeof orderPageSchema>;

/** A product as GET /products lists it; `price` is a decimal in the store currency (CONTRACT §4.12). */
export const productSchema = z.looseObject({
  id: z.number().int(),
  sku: z.string().default(""),
  name: z.string(),
  price: money.default(0),
  enabled: z.boolean().default(true),
  thumbnailUrl: z.string().optional(),
  imageUrl: z.string().optional(),
  categoryIds: z.array(z.number().int()).default([]),
});
export type EcwidProduct = z.infer<typeof productSchema>;
export const productPageSchema = pageOf(productSchema);
export type EcwidProductPage = z.infer<typeof productPageSchema>;

/** A category as GET /categories lists it; a top-level one has no `parentId`. */
export const categorySchema = z.looseObject({
  id: z.number().int(),
  parentId: z.number().int().optional(),
  name: z.string(),
  enabled: z.boolean().default(true),
  productCount: z.number().int().default(0),
  thumbnailUrl: z.string().optional(),
  imageUrl: z.string().optional(),
});
export const categoryPageSchema = pageOf(categorySchema);
export type EcwidCategoryPage = z.infer<typeof categoryPageSchema>;

/** What Questline sends to `POST /discount_coupons` (CONTRACT §4.9); dates in Ecwid's `yyyy-MM-dd HH:mm:ss +0000`. */
export const couponInputSchema = z.strictObject({
  name: z.string().min(1),
  code: z.string().min(1).max(128),
  discountType: z.enum(["ABS", "PERCENT", "SHIPPING", "ABS_AND_SHIPPING", "PERCENT_AND_SHIPPING"]),
  status: z.enum(["ACTIVE", "PAUSED"]),
  /** An amount in the store currency (a decimal) or a percent. */
  discount: z.number().nonnegative(),
  /** None: the coupon never expires (a referral code's). */
  expirationDate: z.string().optional(),
  /** The order subtotal the coupon needs, in the store currency. */
  totalLimit: z.number().nonnegative(),
  usesLimit: z.enum(["UNLIMITED", "ONCEPERCUSTOMER", "SINGLE"]),
  applicationLimit: z.enum(["UNLIMITED", "NEW_CUSTOMER_ONLY", "REPEAT_CUSTOMER_ONLY"]),
  catalogLimit: z.strictObject({ products: z.array(z.number().int()), categories: z.array(z.number().int()) }),
});
export type EcwidCouponInput = z.infer<typeof couponInputSchema>;

export const couponCreatedSchema = z.looseObject({ id: z.number().int() });

/** A coupon as `GET /discount_coupons[/{id or code}]` answers it. */
export const couponSchema = z.looseObject({
  id: z.number().int(),
  code: z.coerce.string(),
  name: z.string().optional(),
  discountType: z.string().optional(),
  status: z.string().optional(),
  discount: money.optional(),
  expirationDate: z.string().optional(),
  orderCount: z.number().int().optional(),
});
export type EcwidCoupon = z.infer<typeof couponSchema>;
export const couponPageSchema = pageOf(couponSchema);

/** A customer group (CONTRACT §4.8); id 0 is "General", which every store has. */
export const customerGroupSchema = z.looseObject({ id: z.number().int().nonnegative(), name: z.string() });
export type EcwidCustomerGroup = z.infer<typeof customerGroupSchema>;
export const customerGroupPageSchema = pageOf(customerGroupSchema);

/** The parts of `GET /customers/{id}` group moves read (CONTRACT §4.7): the customer's one group, 0 = General. */
export const customerSchema = z.looseObject({ id: z.number().int(), customerGroupId: z.number().int().nonnegative().default(0) });
export type EcwidCustomer = z.infer<typeof customerSchema>;
