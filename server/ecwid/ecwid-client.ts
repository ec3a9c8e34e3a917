import axios, { type AxiosInstance, type AxiosError } from "axios";
import { z } from "zod";
import type { Logger } from "../lib/logger.js";
import { TokenBucket } from "../lib/token-bucket.js";
import { EcwidApiError } from "./ecwid-api-error.js";
import { decideRetry, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
import {
  categoryPageSchema,
  couponCreatedSchema,
  couponPageSchema,
  couponSchema,
  orderPageSchema,
  orderSchema,
  productPageSchema,
  productSchema,
  storeProfileSchema,
  type EcwidCategoryPage,
  type EcwidCoupon,
  type EcwidCouponInput,
  type EcwidOrder,
  type EcwidOrderPage,
  type EcwidProduct,
  type EcwidProductPage,
  type StoreProfile,
} from "./wire-types.js";

/** GET /products filters Questline uses (CONTRACT §4.12); Ecwid caps `limit` at 100. */
export interface ProductSearch {
  /** Ecwid's keyword: whole words, or a prefix when it ends with `*`. */
  keyword?: string;
  /** Only these products (Ecwid's `productId` comma list; its other filters are then ignored). */
  productIds?: number[];
  offset?: number;
  limit?: number;
}

/** GET /categories filters; `includeHidden` also lists disabled categories. */
export interface CategorySearch {
  keyword?: string;
  includeHidden?: boolean;
  offset?: number;
  limit?: number;
}

export interface EcwidClientOptions {
  apiUrl: string;
  logger: Logger;
  /** Requests a minute per store; Ecwid allows 600 per token. */
  requestsPerMinute?: number;
  retryPolicy?: RetryPolicy;
  transport?: AxiosInstance;
  sleep?: (ms: number) => Promise<void>;
}

interface RequestSpec<T> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  params?: Record<string, string | number | undefined>;
  data?: unknown;
  schema: z.ZodType<T>;
  /** Fewer attempts than the policy's, for a call a shopper is waiting on. */
  maxAttempts?: number;
  /** Told before each retry: an earlier attempt may have landed. */
  onRetry?: () => void;
}

/**
 * How `POST /discount_coupons` went. `duplicate`: Ecwid has a coupon with this code (409), possibly made by an
 * earlier attempt of this very call whose answer was lost. `refused`: a definite 4xx; `mayHaveLanded` when an
 * attempt before it failed in transit. `unknown`: no answer (5xx, timeout, unreachable) after the retries, so
 * the coupon may or may not exist.
 */
export type CouponCreation =
  | { outcome: "created"; id: number }
  | { outcome: "duplicate" }
  | { outcome: "refused"; status: number; errorCode: string | null; message: string; mayHaveLanded: boolean }
  | { outcome: "unknown"; message: string };

/** Attempts for a call a shopper waits on: one retry. */
const SHOPPER_WAITS_ATTEMPTS = 2;

/** Ecwid REST v3: throttled per store before calling, honours Retry-After, bounded retries, never logs tokens. */
export class EcwidClient {
  private readonly buckets = new Map<number, TokenBucket>();
  private readonly http: AxiosInstance;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: EcwidClientOptions) {
    this.http = options.transport ?? axios.create({ timeout: 15_000 });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  getProfile(storeId: number, accessToken: string): Promise<StoreProfile> {
    return this.request(storeId, accessToken, { method: "GET", path: "/profile", schema: storeProfileSchema });
  }

  /** The order by its public id (`data.orderId` of a webhook), or null when Ecwid no longer has it. */
  async getOrder(storeId: number, accessToken: string, orderId: string): Promise<EcwidOrder | null> {
    try {
      return await this.request(storeId, accessToken, { method: "GET", path: `/orders/${encodeURIComponent(orderId)}`, schema: orderSchema });
    } catch (error) {
      if (error instanceof EcwidApiError && error.status === 404) return null;
      throw error;
    }
  }

  searchOrders(storeId: number, accessToken: string, params: Record<string, string | number | undefined>): Promise<EcwidOrderPage> {
    return this.request(storeId, accessToken, { method: "GET", path: "/orders", params, schema: orderPageSchema });
  }

  searchProducts(storeId: number, accessToken: string, search: ProductSearch): Promise<EcwidProductPage> {
    const { keyword, productIds, offset, limit } = search;
    const productId = productIds?.length ? productIds.join(",") : undefined;
    return this.request(storeId, accessToken, { method: "GET", path: "/products", params: { keyword, productId, offset, limit }, schema: productPageSchema });
  }

  /** One product by its id, or null when the store has no such product (CONTRACT §4.12). */
  async getProduct(storeId: number, accessToken: string, productId: number): Promise<EcwidProduct | null> {
    try {
      return await this.request(storeId, accessToken, { method: "GET", path: `/products/${productId}`, schema: productSchema, maxAttempts: SHOPPER_WAITS_ATTEMPTS });
    } catch (error) {
      if (error instanceof EcwidApiError && error.status === 404) return null;
      throw error;
    }
  }

  searchCategories(storeId: number, accessToken: string, search: CategorySearch): Promise<EcwidCategoryPage> {
    const { keyword, includeHidden, offset, limit } = search;
    const params = { keyword, offset, limit, hidden_categories: includeHidden ? "true" : undefined };
    return this.request(storeId, accessToken, { method: "GET", path: "/categories", params, schema: categoryPageSchema });
  }

  /** Makes one coupon; never throws for an answer Ecwid gave or failed to give (see CouponCreation). */
  async createCoupon(storeId: number, accessToken: string, coupon: EcwidCouponInput): Promise<CouponCreation> {
    let retried = false;
    try {
      const created = await this.request(storeId, accessToken, {
        method: "POST",
        path: "/discount_coupons",
        data: coupon,
        schema: couponCreatedSchema,
        maxAttempts: SHOPPER_WAITS_ATTEMPTS,
        onRetry: () => {
          retried = true;
        },
      });
      return { outcome: "created", id: created.id };
    } catch (error) {
      if (!(error instanceof EcwidApiError)) throw error;
      if (error.status === 409) return { outcome: "duplicate" };
      if (error.retryable || error.status === null) return { outcome: "unknown", message: error.message };
      // A 2xx in an unexpected shape also lands here (retryable false): Ecwid took the call, so the coupon may exist.
      if (error.status < 400) return { outcome: "unknown", message: error.message };
      return { outcome: "refused", status: error.status, errorCode: error.errorCode, message: error.message, mayHaveLanded: retried };
    }
  }

  /**
   * The coupon whose code is exactly `code` (case-sensitive), or null. Ecwid's `code` filter may be a search
   * term matching more (CONTRACT §4.9, UNVERIFIED #11), so the exact match is ours; when the search finds none,
   * `GET /discount_coupons/{code}` is asked too, the other reading. Throws when Ecwid cannot say.
   */
  async findCouponByCode(storeId: number, accessToken: string, code: string): Promise<EcwidCoupon | null> {
    const page = await this.request(storeId, accessToken, {
      method: "GET",
      path: "/discount_coupons",
      params: { code, limit: 100 },
      schema: couponPageSchema,
      maxAttempts: SHOPPER_WAITS_ATTEMPTS,
    });
    const found = page.items.find((coupon) => coupon.code === code);
    if (found) return found;
    try {
      const direct = await this.request(storeId, accessToken, {
        method: "GET",
        path: `/discount_coupons/${encodeURIComponent(code)}`,
        schema: couponSchema,
        maxAttempts: SHOPPER_WAITS_ATTEMPTS,
      });
      return direct.code === code ? direct : null;
    } catch (error) {
      if (error instanceof EcwidApiError && error.status === 404) return null;
      throw error;
    }
  }

  /**
   * Rewrites the coupon by its id or code with `coupon`'s terms (CONTRACT §4.9: PUT takes any of the fields);
   * "absent" when Ecwid has no such coupon (deleted in the control panel). Throws when Ecwid cannot say.
   */
  async updateCoupon(storeId: number, accessToken: string, idOrCode: number | string, coupon: Partial<EcwidCouponInput>): Promise<"updated" | "absent"> {
    try {
      await this.request(storeId, accessToken, {
        method: "PUT",
        path: `/discount_coupons/${encodeURIComponent(String(idOrCode))}`,
        data: coupon,
        schema: z.looseObject({ updateCount: z.number().int() }),
      });
      return "updated";
    } catch (error) {
      if (error instanceof EcwidApiError && error.status === 404) return "absent";
      throw error;
    }
  }

  /** Deletes the coupon by its id or code; one already gone (404) is fine. */
  async deleteCoupon(storeId: number, accessToken: string, idOrCode: number | string): Promise<"deleted" | "absent"> {
    try {
      await this.request(storeId, accessToken, { method: "DELETE", path: `/discount_coupons/${encodeURIComponent(String(idOrCode))}`, schema: z.unknown() });
      return "deleted";
    } catch (error) {
      if (error instanceof EcwidApiError && error.status === 404) return "absent";
      throw error;
    }
  }

  async request<T>(storeId: number, accessToken: string, spec: RequestSpec<T>): Promise<T> {
    const policy = this.options.retryPolicy ?? defaultRetryPolicy;
    const bucket = this.bucketFor(storeId);
    for (let attempt = 1; ; attempt++) {
      await bucket.take();
      try {
        const response = await this.http.request({
          method: spec.method,
          url: `${this.options.apiUrl}/${storeId}${spec.path}`,
          params: spec.params,
          data: spec.data,
          headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
        });
        const parsed = spec.schema.safeParse(response.data);
        if (!parsed.success) {
          throw new EcwidApiError(response.status, null, `Ecwid answered ${spec.method} ${spec.path} with an unexpected shape`, false);
        }
        return parsed.data;
      } catch (error) {
        if (error instanceof EcwidApiError) throw error;
        const failure = describeFailure(error as AxiosError);
        if (failure.status === 429) bucket.pauseFor((failure.retryAfterSeconds ?? 1) * 1000);
        const decision = decideRetry(spec.maxAttempts ? { ...policy, maxAttempts: Math.min(policy.maxAttempts, spec.maxAttempts) } : policy, attempt, failure);
        const log = { storeId, method: spec.method, path: spec.path, status: failure.status, attempt };
        if (!decision.retry) {
          this.options.logger.warn(log, "ecwid request failed");
          throw new EcwidApiError(failure.status, failure.errorCode, failure.message, isTransient(failure.status));
        }
        this.options.logger.debug({ ...log, delayMs: decision.delayMs }, "ecwid request will be retried");
        spec.onRetry?.();
        await this.sleep(decision.delayMs);
      }
    }
  }

  private bucketFor(storeId: number): TokenBucket {
    let bucket = this.buckets.get(storeId);
    if (!bucket) {
      bucket = new TokenBucket(this.options.requestsPerMinute ?? 540, 60_000);
      this.buckets.set(storeId, bucket);
    }
    return bucket;
  }
}

const isTransient = (status: number | null) => status === null || status === 429 || status === 408 || status >= 500;

function describeFailure(error: AxiosError) {
  const status = error.response?.status ?? null;
  const body = error.response?.data as { errorMessage?: string; errorCode?: string } | undefined;
  return {
    status,
    errorCode: body?.errorCode ?? null,
    retryAfterSeconds: parseRetryAfter(error.response?.headers?.["retry-after"]),
    message: body?.errorMessage ?? (status ? `Ecwid answered HTTP ${status}` : `Ecwid could not be reached (${error.code ?? "network error"})`),
  };
}
