import axios, { type AxiosInstance } from "axios";
import { EcwidApiError } from "./ecwid-api-error.js";
import { tokenResponseSchema, type TokenResponse } from "./wire-types.js";

export interface OAuthClientOptions {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  transport?: AxiosInstance;
}

/** Ecwid's OAuth endpoints (CONTRACT §1): the authorize URL and the code-for-token exchange. */
export class EcwidOAuthClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: OAuthClientOptions) {
    this.http = options.transport ?? axios.create({ timeout: 15_000 });
  }

  authorizeUrl(input: { redirectUri: string; scopes: string[]; state: string }): string {
    const query = new URLSearchParams({
      client_id: this.options.clientId,
      redirect_uri: input.redirectUri,
      response_type: "code",
      scope: input.scopes.join(" "),
      state: input.state,
    });
    return `${this.options.oauthUrl}/authorize?${query.toString()}`;
  }

  /** Posts the form the way Ecwid's own plugins do; the token never appears in an error message. */
  async exchangeCode(input: { code: string; redirectUri: string }): Promise<TokenResponse> {
    const form = new URLSearchParams({
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      code: input.code,
      redirect_uri: input.redirectUri,
      grant_type: "authorization_code",
    });
    let data: unknown;
    try {
      const response = await this.http.post(`${this.options.oauthUrl}/token`, form.toString(), {
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      });
      data = response.data;
    } catch (error) {
      const status = axios.isAxiosError(error) ? (error.response?.status ?? null) : null;
      throw new EcwidApiError(status, null, `Ecwid refused the authorization code${status ? ` (HTTP ${status})` : ""}`, false);
    }
    const parsed = tokenResponseSchema.safeParse(data);
    if (!parsed.success || parsed.data.token_type.toLowerCase() !== "bearer") {
      throw new EcwidApiError(200, null, "Ecwid's token response is missing the store id or access token", false);
    }
    return parsed.data;
  }
}
