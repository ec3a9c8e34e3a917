import axios, { type AxiosInstance, type AxiosError } from "axios";
import type { z } from "zod";
import type { Logger } from "../lib/logger.js";
import { TokenBucket } from "../lib/token-bucket.js";
import { EcwidApiError } from "./ecwid-api-error.js";
import { decideRetry, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
import {
  categoryPageSchema,
  orderPageSchema,
  orderSchema,
  productPageSchema,
  storeProfileSchema,
  type EcwidCategoryPage,
  type EcwidOrder,
  type EcwidOrderPage,
  type EcwidProductPage,
  type StoreProfile,
} from "./wire-types.js";

/** GET /products filters Questline uses (CONTRACT §4.12); Ecwid caps `limit` at 100. */
export interface ProductSearch {
  /** Ecwid's keyword: whole words, or a prefix when it ends with `*`. */
  keyword?: string;
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
}

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
    const { keyword, offset, limit } = search;
    return this.request(storeId, accessToken, { method: "GET", path: "/products", params: { keyword, offset, limit }, schema: productPageSchema });
  }

  searchCategories(storeId: number, accessToken: string, search: CategorySearch): Promise<EcwidCategoryPage> {
    const { keyword, includeHidden, offset, limit } = search;
    const params = { keyword, offset, limit, hidden_categories: includeHidden ? "true" : undefined };
    return this.request(storeId, accessToken, { method: "GET", path: "/categories", params, schema: categoryPageSchema });
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
        const decision = decideRetry(policy, attempt, failure);
        const log = { storeId, method: spec.method, path: spec.path, status: failure.status, attempt };
        if (!decision.retry) {
          this.options.logger.warn(log, "ecwid request failed");
          throw new EcwidApiError(failure.status, failure.errorCode, failure.message, isTransient(failure.status));
        }
        this.options.logger.debug({ ...log, delayMs: decision.delayMs }, "ecwid request will be retried");
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
