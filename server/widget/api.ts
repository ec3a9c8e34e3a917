import type { Leaderboard, Me, RedeemResponse, TaskAnswer } from "./types.js";
import { sessionEmailKey, sessionKey } from "./session-key.js";

/** A refusal from the storefront API (`{ code, message }`), or `network` when there was no answer at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The refusal's whole body: a refused redemption carries its reason in numbers, a refused code the tries left. */
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * The shopper's side of the storefront API. The session token lives in localStorage under a key per store
 * and travels as a bearer header: never a cookie, so it works across origins and cannot be ridden.
 */
export class StorefrontApi {
  private memoryToken: string | null = null;
  private readonly key: string;
  private readonly emailKey: string;

  constructor(
    private readonly base: string,
    storeId: number,
  ) {
    this.key = sessionKey(storeId);
    this.emailKey = sessionEmailKey(storeId);
  }

  get token(): string | null {
    try {
      return localStorage.getItem(this.key);
    } catch {
      return this.memoryToken; // storage blocked (private mode, strict settings): keep it for this page
    }
  }

  set token(value: string | null) {
    this.memoryToken = value;
    try {
      if (value) localStorage.setItem(this.key, value);
      else {
        localStorage.removeItem(this.key);
        localStorage.removeItem(this.emailKey);
      }
    } catch {
      // memoryToken holds it
    }
  }

  startSession(email: string, lang: string): Promise<{ sent: boolean; expiresInSeconds: number }> {
    return this.call("session/start", { method: "POST", body: { email, lang } });
  }

  /** `lang`: the shopper's emails go in it, recorded once the email is proven. */
  async verifySession(email: string, code: string, lang: string): Promise<void> {
    const { token } = await this.call<{ token: string }>("session/verify", { method: "POST", body: { email, code, lang } });
    this.token = token;
    try {
      // The loader compares it with the shop's logged-in customer and forgets a session that is someone else's.
      localStorage.setItem(this.emailKey, email.trim().toLowerCase());
    } catch {
      // storage blocked: the session lives only as long as this page
    }
  }

  /** The shopper's standing, with the merchant's texts in `lang` (the program's language). */
  me(lang: string): Promise<Me> {
    return this.call<Me>(`me?lang=${encodeURIComponent(lang)}`, { auth: true });
  }

  /**
   * Spends points on a reward: 201 made (or done at once), 202 still being made, 200 the answer a repeated
   * `key` already had. The same key goes with every retry of one confirmed click, so a retry never buys twice.
   */
  redeem(rewardId: string, points: number | undefined, key: string): Promise<RedeemResponse & { status: number }> {
    return this.call(`rewards/${encodeURIComponent(rewardId)}/redeem`, { method: "POST", body: points === undefined ? {} : { points }, auth: true, key });
  }

  /** Does a shopper task: `{}`, or what it asks (a birthday, a survey answer, proof); 200 paid, 202 waiting for review. */
  complete(challengeId: string, body: object): Promise<TaskAnswer & { status: number }> {
    return this.call(`challenges/${encodeURIComponent(challengeId)}/complete`, { method: "POST", body, auth: true });
  }

  /** The month's top members, with the shopper's own rank and choice when signed in. */
  leaderboard(): Promise<Leaderboard> {
    return this.call("leaderboard", { auth: !!this.token });
  }

  showOnLeaderboard(optIn: boolean): Promise<unknown> {
    return this.call("me/leaderboard", { method: "PUT", body: { optIn }, auth: true });
  }

  private async call<T>(path: string, options: { method?: string; body?: unknown; auth?: boolean; key?: string }): Promise<T & { status: number }> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.auth) headers.Authorization = `Bearer ${this.token ?? ""}`;
    if (options.key) headers["Idempotency-Key"] = options.key;
    let response: Response;
    try {
      response = await fetch(`${this.base}/${path}`, {
        method: options.method ?? "GET",
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      throw new ApiError(0, "network", "");
    }
    // A session the server no longer takes (expired, or its member gone) is forgotten: the shopper signs in again.
    if (options.auth && response.status === 401) this.token = null;
    const body = (await response.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
    if (!response.ok || body === null) throw new ApiError(response.status, body?.code ?? "generic", body?.message ?? "", body ?? undefined);
    return { ...body, status: response.status };
  }
}
