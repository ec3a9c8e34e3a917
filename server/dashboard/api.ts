import type { ValidationIssue } from "../lib/validation.js";
import type { ApiKeyInput } from "../modules/api-keys/api-key.js";
import type { ApiKeyService, ApiKeyView } from "../modules/api-keys/api-key.service.js";
import type { CatalogCategoryList, CatalogProductPage } from "../modules/catalog/catalog.js";
import type { ProgramPreview, PreviewRequest } from "../modules/program/program-preview.js";
import type { ProgramMeasurement } from "../modules/program/program-measurement.js";
import type { ProofDecision } from "../modules/program/proof-review.js";
import type { ProofList, ProofView } from "../modules/program/proof-review-schema.js";
import type { ProgramTemplatesService } from "../modules/program/templates/program-templates.service.js";
import type { LedgerService } from "../modules/ledger/ledger.service.js";
import type { listAuditLog } from "../modules/audit/audit-log.js";
import type { searchMembers } from "../modules/members/member-directory.js";
import type { BackfillJob } from "../modules/orders/backfill-job.js";
import type { InboxEvent, InboxRepository } from "../modules/inbox/inbox-event.js";
import type { Install } from "../modules/stores/install.js";
import type { AdminRedemption, donationTotals, listRedemptions, payOutDonations } from "../modules/rewards/redemption-admin.js";
import type { RedemptionStatus } from "../modules/rewards/redemption.js";
import type { EmailPreview } from "../modules/emails/email-preview.js";
import type { Language } from "../modules/settings/program-settings.js";
import type { ListPart } from "../modules/settings/program-diff.rules.js";
import type { ProgramItem, SinglePart, Versioned } from "../modules/settings/program-items.service.js";
import type { ProgramSettings } from "../modules/settings/program-settings.js";
import type { AdminReferral, AdminReferralList, AdminReferralQuery, ReferralSummary } from "../modules/referrals/referral-admin-view.js";
import type { TierAdminService } from "../modules/tiers/tier-admin.service.js";
import type { CustomerGroupList, CustomerGroupsService } from "../modules/tiers/customer-groups.service.js";
import type { TierPreview, TierProposal } from "../modules/tiers/tier-preview.js";
import type { TierCounts } from "../modules/tiers/tier-counts.js";
import type { OrderFetch } from "../modules/simulations/order-snapshot.js";
import type { Overview } from "../modules/insights/overview-schema.js";
import type { Simulation, SimulationFigures, SimulationRequest } from "../modules/simulations/simulation.js";
import type { ImportReport } from "../modules/balance-import/balance-import.service.js";
import type { HoldoutInsights } from "../modules/holdout/holdout-insights.js";
import type { DeliveryList, EndpointCreate, EndpointList, EndpointUpdate, EndpointView, EndpointWithSecret } from "../modules/webhooks/webhook-admin-schema.js";

export type { ValidationIssue };
export type { ApiKeyInput, ApiKeyView };
export type ApiKeyCreated = Awaited<ReturnType<ApiKeyService["create"]>>;
export type { DeliveryList, EndpointCreate, EndpointList, EndpointView, EndpointWithSecret };
export type MemberPage = Awaited<ReturnType<typeof searchMembers>>;
export type Member = MemberPage["items"][number];
export type LedgerPage = Awaited<ReturnType<LedgerService["history"]>>;
export type LedgerLine = LedgerPage["items"][number];
export type AdjustResult = Awaited<ReturnType<LedgerService["adjust"]>>;
export type AuditPage = Awaited<ReturnType<typeof listAuditLog>>;
export type AuditLine = AuditPage["items"][number];
export type RedemptionPage = Awaited<ReturnType<typeof listRedemptions>>;
export type ProgramTemplate = Awaited<ReturnType<ProgramTemplatesService["list"]>>[number];
export type TemplateApplied = Awaited<ReturnType<ProgramTemplatesService["apply"]>>;
export type DonationTotals = Awaited<ReturnType<typeof donationTotals>>;
export type MemberTierView = Awaited<ReturnType<TierAdminService["member"]>>;
export type TierAssigned = Awaited<ReturnType<TierAdminService["assign"]>>;
export type { AdminReferral, AdminReferralList, ReferralSummary };
export type { CustomerGroupList, TierCounts, TierPreview, TierProposal };
export type { OrderFetch, Simulation, SimulationFigures, SimulationRequest };
export type { ImportReport };
export type { HoldoutInsights };
export type { Overview };
export type CreatedCustomerGroup = Awaited<ReturnType<CustomerGroupsService["create"]>>;
export type CustomerGroupSync = Awaited<ReturnType<CustomerGroupsService["sync"]>>;
export type { AdminRedemption, EmailPreview, Language, ProofDecision, ProofList, ProofView, RedemptionStatus };
export type {
  BackfillJob,
  CatalogCategoryList,
  CatalogProductPage,
  InboxEvent,
  ListPart,
  ProgramItem,
  ProgramMeasurement,
  ProgramPreview,
  PreviewRequest,
  ProgramSettings,
  SinglePart,
};

/** `GET /api/admin/store`: the install's public facts. */
export type StoreInfo = Pick<Install, "storeId" | "storeName" | "currency" | "currencyPrecision" | "lang" | "installedAt" | "timeZone">;
export type InboxCounts = Awaited<ReturnType<InboxRepository["counts"]>>;

/** A refused request as the API says it: `{status, code, message, issues}`, and `current` on a 412, `grantUrl` on a 403 scope_missing. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ValidationIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A file sent as it is (a CSV upload) instead of a JSON body. */
  file?: { data: Blob; type: string };
  headers?: Record<string, string>;
}

export async function requestJson<T>(url: string, { method = "GET", body, file, headers = {} }: RequestOptions = {}): Promise<Versioned<T>> {
  const init: RequestInit = { method, headers: { Accept: "application/json", ...headers }, credentials: "omit", cache: "no-store" };
  if (body !== undefined) {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body);
  }
  if (file) {
    init.headers = { ...init.headers, "Content-Type": file.type };
    init.body = file.data;
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, "network", "Questline could not be reached. Check your connection and try again.");
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const issues = Array.isArray(data?.issues) ? (data.issues as ValidationIssue[]) : [];
    throw new ApiError(response.status, data?.code ?? `http_${response.status}`, data?.message ?? `The request failed (HTTP ${response.status}).`, issues, data ?? {});
  }
  return { value: data as T, version: response.headers.get("ETag") ?? "" };
}

/** A fresh key per submitted form: a retried request with the same key is applied once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (value === undefined || value === "" ? [] : [[key, String(value)]]))).toString();

export interface ApiHooks {
  onUnauthorized: (error: ApiError) => void;
  onUnavailable: (error: ApiError) => void;
}

/** The admin JSON API bound to one session token; a 401 anywhere calls `onUnauthorized`, an unreadable store `onUnavailable`. */
export function createAdminApi(token: string, hooks: ApiHooks) {
  const call = async <T>(path: string, options: RequestOptions = {}): Promise<Versioned<T>> => {
    try {
      return await requestJson<T>(`/api/admin${path}`, { ...options, headers: { ...options.headers, Authorization: `Bearer ${token}` } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) hooks.onUnauthorized(error);
      if (error instanceof ApiError && error.code === "store_unavailable") hooks.onUnavailable(error);
      throw error;
    }
  };
  const get = async <T>(path: string) => (await call<T>(path)).value;
  /** A non-JSON answer (a photo, a CSV file); a refusal carries the API's own message when it sent one. */
  const file = async (url: string, code: string, message: string): Promise<Response> => {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, credentials: "omit", cache: "no-store" }).catch(() => null);
    if (response?.ok) return response;
    const said = await response?.json().catch(() => null);
    const error = new ApiError(response?.status ?? 0, said?.code ?? code, said?.message ?? message);
    if (error.status === 401) hooks.onUnauthorized(error);
    throw error;
  };
  const ifMatch = (version: string) => ({ "If-Match": version });
  const member = (id: string) => `/members/${encodeURIComponent(id)}`;
  const item = (list: ListPart, id: string) => `/program/${list}/${encodeURIComponent(id)}`;
  return {
    store: () => get<StoreInfo>("/store"),
    members: (params: { email?: string; limit: number; offset: number }) => get<MemberPage>(`/members?${query(params)}`),
    ledger: (memberId: string, params: { limit: number; offset: number }) => get<LedgerPage>(`${member(memberId)}/ledger?${query(params)}`),
    adjust: (memberId: string, body: { points: number | string; reason: string; visibleToShopper: boolean }, key: string) =>
      call<AdjustResult>(`${member(memberId)}/adjustments`, { method: "POST", body, headers: { "Idempotency-Key": key } }).then((r) => r.value),
    audit: (params: { limit: number; offset: number }) => get<AuditPage>(`/audit?${query(params)}`),
    list: <L extends ListPart>(list: L) => get<{ items: ProgramItem<L>[]; versions: Record<string, string> }>(`/program/${list}`),
    item: <L extends ListPart>(list: L, id: string) => call<ProgramItem<L>>(item(list, id)),
    create: <L extends ListPart>(list: L, body: unknown) => call<ProgramItem<L>>(`/program/${list}`, { method: "POST", body }),
    update: <L extends ListPart>(list: L, id: string, body: unknown, version: string) => call<ProgramItem<L>>(item(list, id), { method: "PUT", body, headers: ifMatch(version) }),
    remove: (list: ListPart, id: string, version: string) => call<null>(item(list, id), { method: "DELETE", headers: ifMatch(version) }),
    part: <P extends SinglePart>(part: P) => call<ProgramSettings[P]>(`/program/${part}`),
    savePart: <P extends SinglePart>(part: P, body: unknown, version: string) => call<ProgramSettings[P]>(`/program/${part}`, { method: "PUT", body, headers: ifMatch(version) }),
    preview: (body: PreviewRequest) => call<ProgramPreview>("/program/preview", { method: "POST", body }).then((r) => r.value),
    measurements: () => get<{ items: ProgramMeasurement[] }>("/program/measurements"),
    templates: () => get<{ items: ProgramTemplate[] }>("/program/templates"),
    applyTemplate: (id: string) => call<TemplateApplied>(`/program/templates/${encodeURIComponent(id)}/apply`, { method: "POST", body: {} }).then((r) => r.value),
    products: (params: { q: string; ids?: string; limit: number }) => get<CatalogProductPage>(`/catalog/products?${query(params)}`),
    categories: (params: { q: string }) => get<CatalogCategoryList>(`/catalog/categories?${query(params)}`),
    startImport: (body: { from: string; to: string }) => call<BackfillJob>("/backfills", { method: "POST", body }).then((r) => r.value),
    imports: () => get<{ items: BackfillJob[] }>("/backfills"),
    inbox: () => get<{ counts: InboxCounts; failed: InboxEvent[] }>("/inbox"),
    redemptions: (params: { status?: RedemptionStatus | undefined; limit: number; offset: number }) => get<RedemptionPage>(`/redemptions?${query(params)}`),
    fulfil: (redemptionId: string) => call<AdminRedemption>(`/redemptions/${encodeURIComponent(redemptionId)}/fulfil`, { method: "POST", body: {} }).then((r) => r.value),
    donations: () => get<DonationTotals>("/donations"),
    payOut: (rewardIds: string[]) => call<Awaited<ReturnType<typeof payOutDonations>>>("/donations/payout", { method: "POST", body: { rewardIds } }).then((r) => r.value),
    proofs: (params: { status: ProofView["status"]; limit: number; offset: number }) => get<ProofList>(`/program/proofs?${query(params)}`),
    approveProof: (id: string) => call<ProofDecision>(`/program/proofs/${encodeURIComponent(id)}/approve`, { method: "POST", body: {} }).then((r) => r.value),
    rejectProof: (id: string, reason: string) => call<ProofDecision>(`/program/proofs/${encodeURIComponent(id)}/reject`, { method: "POST", body: { reason } }).then((r) => r.value),
    /** A proof's photo (`photoPath`) as a Blob: an <img src> cannot send the Bearer header. */
    proofPhoto: async (photoPath: string): Promise<Blob> => (await file(photoPath, "photo_unavailable", "The photo could not be loaded.")).blob(),
    /** A CSV export as a Blob and the file name the server gave it: a plain link cannot send the Bearer header. */
    apiKeys: () => get<{ items: ApiKeyView[] }>("/api-keys"),
    /** The answer's `token` is the only time the key itself is shown. */
    createApiKey: (body: ApiKeyInput) => call<ApiKeyCreated>("/api-keys", { method: "POST", body }).then((r) => r.value),
    revokeApiKey: (keyId: string) => call<null>(`/api-keys/${encodeURIComponent(keyId)}`, { method: "DELETE" }),
    webhookEndpoints: () => get<EndpointList>("/webhook-endpoints"),
    createWebhookEndpoint: (body: EndpointCreate) => call<EndpointWithSecret>("/webhook-endpoints", { method: "POST", body }).then((r) => r.value),
    updateWebhookEndpoint: (id: string, body: EndpointUpdate) => call<EndpointView>(`/webhook-endpoints/${encodeURIComponent(id)}`, { method: "PATCH", body }).then((r) => r.value),
    deleteWebhookEndpoint: (id: string) => call<null>(`/webhook-endpoints/${encodeURIComponent(id)}`, { method: "DELETE" }),
    rollWebhookSecret: (id: string) => call<EndpointWithSecret>(`/webhook-endpoints/${encodeURIComponent(id)}/roll-secret`, { method: "POST" }).then((r) => r.value),
    testWebhookEndpoint: (id: string) => call<unknown>(`/webhook-endpoints/${encodeURIComponent(id)}/test`, { method: "POST" }),
    webhookDeliveries: (id: string) => get<DeliveryList>(`/webhook-endpoints/${encodeURIComponent(id)}/deliveries`),
    exportCsv: async (name: "members.csv" | "ledger.csv"): Promise<{ blob: Blob; fileName: string }> => {
      const response = await file(`/api/admin/export/${name}`, "export_failed", "The export could not be downloaded.");
      const fileName = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? name;
      return { blob: await response.blob(), fileName };
    },
    referrals: (params: Partial<AdminReferralQuery>) => get<AdminReferralList>(`/referrals?${query(params)}`),
    referralSummary: () => get<ReferralSummary>("/referrals/summary"),
    overview: (range: { from: string; to: string }) => get<Overview>(`/insights/overview?${query(range)}`),
    approveReferral: (id: string) => call<AdminReferral>(`/referrals/${encodeURIComponent(id)}/approve`, { method: "POST", body: {} }).then((r) => r.value),
    rejectReferral: (id: string, reason: string) => call<AdminReferral>(`/referrals/${encodeURIComponent(id)}/reject`, { method: "POST", body: { reason } }).then((r) => r.value),
    blockAmbassador: (memberId: string, reason: string) => call<unknown>(`${member(memberId)}/referral/block`, { method: "PUT", body: { reason } }),
    unblockAmbassador: (memberId: string) => call<unknown>(`${member(memberId)}/referral/block`, { method: "DELETE" }),
    memberTier: (memberId: string) => get<MemberTierView>(`${member(memberId)}/tier`),
    giveTier: (memberId: string, tierId: string) => call<TierAssigned>(`${member(memberId)}/tier`, { method: "PUT", body: { tierId } }).then((r) => r.value),
    takeTier: (memberId: string) => call<TierAssigned>(`${member(memberId)}/tier`, { method: "DELETE" }).then((r) => r.value),
    emailPreview: (kind: string, lang: Language) => get<EmailPreview>(`/emails/${encodeURIComponent(kind)}/preview?${query({ lang })}`),
    tierCounts: () => get<TierCounts>("/program/tier-counts"),
    tierPreview: (body: TierProposal) => call<TierPreview>("/program/tiers/preview", { method: "POST", body }).then((r) => r.value),
    customerGroups: () => get<CustomerGroupList>("/customer-groups"),
    createCustomerGroup: (name: string) => call<CreatedCustomerGroup>("/customer-groups", { method: "POST", body: { name } }).then((r) => r.value),
    /** Every member's group looked at again, in the background; `started` false when one began under a minute ago. */
    syncCustomerGroups: () => call<CustomerGroupSync>("/customer-groups/sync", { method: "POST", body: {} }).then((r) => r.value),
    /** A CSV of starting balances; `dryRun` only reports. A refused file (422 import_rejected) carries its report as the error's `body`. */
    holdoutInsights: () => get<HoldoutInsights>("/insights/holdout"),
    importBalances: (data: Blob, dryRun: boolean) =>
      call<ImportReport>(`/import/members?${query({ dryRun: dryRun ? 1 : undefined })}`, { method: "POST", file: { data, type: "text/csv" } }).then((r) => r.value),
    /** The store's orders of the last 12 months as the cost simulator holds them (null: never fetched); `fetchSimulationOrders` starts or refreshes it (409 while one runs). */
    simulationOrders: () => get<{ fetch: OrderFetch | null }>("/simulations/orders"),
    fetchSimulationOrders: () => call<{ fetch: OrderFetch }>("/simulations/orders", { method: "POST", body: {} }).then((r) => r.value),
    simulate: (body: SimulationRequest) => call<Simulation>("/simulations", { method: "POST", body }).then((r) => r.value),
    retryEvent: (eventId: string) => call<unknown>(`/inbox/${encodeURIComponent(eventId)}/retry`, { method: "POST", body: {} }),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
