/** Shapes Ecwid puts on the wire (CONTRACT §4). Amounts are decimal numbers, dates `yyyy-MM-dd HH:mm:ss +0000`. */

export const PAYMENT_STATUSES = [
  "AWAITING_PAYMENT",
  "PAID",
  "CANCELLED",
  "REFUNDED",
  "PARTIALLY_REFUNDED",
  "INCOMPLETE",
  "CUSTOM_PAYMENT_STATUS_1",
  "CUSTOM_PAYMENT_STATUS_2",
  "CUSTOM_PAYMENT_STATUS_3",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const FULFILLMENT_STATUSES = [
  "AWAITING_PROCESSING",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "WILL_NOT_DELIVER",
  "RETURNED",
  "READY_FOR_PICKUP",
  "OUT_FOR_DELIVERY",
  "CUSTOM_FULFILLMENT_STATUS_1",
  "CUSTOM_FULFILLMENT_STATUS_2",
  "CUSTOM_FULFILLMENT_STATUS_3",
] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export interface EcwidPerson {
  name?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  street?: string;
  city?: string;
  countryCode?: string;
  countryName?: string;
  postalCode?: string;
  stateOrProvinceCode?: string;
  stateOrProvinceName?: string;
  phone?: string;
}

export interface EcwidOrderItem {
  id: number;
  productId: number;
  categoryId: number;
  name: string;
  sku: string;
  price: number;
  productPrice: number;
  priceWithoutTax: number;
  quantity: number;
  tax: number;
  shipping: number;
  isShippingRequired: boolean;
  digital: boolean;
  couponApplied: boolean;
  couponAmount: number;
  selectedOptions: unknown[];
  taxes: unknown[];
  discounts: unknown[];
}

export interface EcwidRefund {
  date: string;
  source: "CP" | "API" | "External";
  reason: string;
  amount: number;
}

export interface EcwidOrderExtraField {
  id: string;
  value: string;
  customerInputType: string;
  title: string;
  orderDetailsDisplaySection: string;
  orderBy: string;
}

export interface EcwidShippingOptionInfo {
  shippingMethodName: string;
  shippingRate: number;
  shippingRateWithoutTax: number;
  isPickup: boolean;
  fulfillmentType: "SHIPPING" | "PICKUP" | "DELIVERY";
}

export type DiscountType = "ABS" | "PERCENT" | "SHIPPING" | "ABS_AND_SHIPPING" | "PERCENT_AND_SHIPPING";
export type CouponStatus = "ACTIVE" | "PAUSED" | "EXPIRED" | "USEDUP";
export type UsesLimit = "UNLIMITED" | "ONCEPERCUSTOMER" | "SINGLE";
export type ApplicationLimit = "UNLIMITED" | "NEW_CUSTOMER_ONLY" | "REPEAT_CUSTOMER_ONLY";

export interface EcwidCoupon {
  id: number;
  name: string;
  code: string;
  discountType: DiscountType;
  status: CouponStatus;
  discount: number;
  launchDate?: string;
  expirationDate?: string;
  totalLimit?: number;
  usesLimit: UsesLimit;
  applicationLimit: ApplicationLimit;
  repeatCustomerOnly: boolean;
  creationDate: string;
  updateDate: string;
  orderCount: number;
  catalogLimit?: { products: number[]; categories: number[] };
  shippingLimit?: { shippingMethods: string[] };
}

export interface EcwidOrder {
  id: string;
  internalId: number;
  orderNumber: number;
  vendorOrderNumber: string;
  publicUid: string;
  email: string;
  customerId?: number;
  customerGroupId?: number;
  customerGroup?: string;
  acceptMarketing: boolean;
  lang: string;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  paymentMethod: string;
  total: number;
  totalWithoutTax: number;
  subtotal: number;
  subtotalWithoutTax: number;
  usdTotal: number;
  tax: number;
  discount: number;
  couponDiscount: number;
  volumeDiscount: number;
  membershipBasedDiscount: number;
  totalAndMembershipBasedDiscount: number;
  discountCoupon?: EcwidCoupon;
  discountInfo: unknown[];
  customDiscount: unknown[];
  refundedAmount: number;
  refunds: EcwidRefund[];
  shippingOptionInfo?: EcwidShippingOptionInfo;
  items: EcwidOrderItem[];
  billingPerson: EcwidPerson;
  shippingPerson: EcwidPerson;
  extraFields: Record<string, string>;
  orderExtraFields: EcwidOrderExtraField[];
  createDate: string;
  updateDate: string;
  createTimestamp: number;
  updateTimestamp: number;
  pricesIncludeTax: boolean;
  hidden: boolean;
  privateAdminNotes: string;
  refererId?: string;
}

export interface EcwidCustomerStats {
  numberOfOrders: number;
  salesValue: number;
  averageOrderValue: number;
  firstOrderDate?: string;
  lastOrderDate?: string;
}

export interface EcwidCustomer {
  id: number;
  email: string;
  registered: string;
  updated: string;
  customerGroupId: number;
  customerGroupName: string;
  billingPerson: EcwidPerson;
  shippingAddresses: unknown[];
  contacts: unknown[];
  taxId: string;
  taxIdValid: boolean;
  taxExempt: boolean;
  b2b_b2c: "b2c" | "b2b";
  acceptMarketing: boolean;
  lang: string;
  privateAdminNotes: string;
  favorites: unknown[];
  extrafields: unknown[];
  stats: EcwidCustomerStats;
  externalReferenceId?: string;
}

export interface EcwidCustomerGroup {
  id: number;
  name: string;
  externalReferenceId?: string;
}

export interface EcwidList<T> {
  total: number;
  count: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface EcwidErrorBody {
  errorMessage: string;
  errorCode: string;
}
