import type { Clock } from "../../lib/clock.js";
import { badRequest, conflict, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import { isCallableAddress, isLoopbackHost } from "./webhook-address.rules.js";
import type { DeliveryList, EndpointCreate, EndpointList, EndpointUpdate, EndpointView, EndpointWithSecret } from "./webhook-admin-schema.js";
import { MAX_ENDPOINTS, TEST_EVENT_TYPE, type WebhookEndpoint } from "./webhook-endpoint.js";
import { eventBody, newDelivery } from "./webhook-outbox.js";
import { newEndpointSecret } from "./webhook-signature.js";

type Tx = Pick<StoreTransaction, "webhooks" | "audit">;

/** Deliveries listed per endpoint in the dashboard. */
const LISTED_DELIVERIES = 50;

const view = ({ sealedSecret: _secret, storeId: _store, ...endpoint }: WebhookEndpoint): EndpointView => endpoint;

/** The merchant's endpoints: added, changed, turned on and off, their secret rolled, a test event sent, their deliveries read. */
export class WebhookEndpointService {
  constructor(private readonly deps: { storage: UnitOfWork<"webhooks" | "audit">; secrets: SecretBox; clock: Clock; allowLoopback: boolean }) {}

  async list(storeId: number): Promise<EndpointList> {
    const endpoints = await this.deps.storage.read(storeId, (tx) => tx.webhooks.listEndpoints(storeId));
    return { items: endpoints.map(view), limit: MAX_ENDPOINTS };
  }

  async create(storeId: number, input: EndpointCreate, actor: string): Promise<EndpointWithSecret> {
    this.checkUrl(input.url);
    const secret = newEndpointSecret();
    const at = this.deps.clock.now().toISOString();
    const endpoint: WebhookEndpoint = {
      id: newId("whe"),
      storeId,
      url: input.url,
      description: input.description,
      events: input.events,
      enabled: input.enabled,
      sealedSecret: this.deps.secrets.seal(secret),
      failingSince: null,
      disabledReason: input.enabled ? null : "merchant",
      createdAt: at,
      updatedAt: at,
    };
    await this.deps.storage.transaction(storeId, async (tx) => {
      if ((await tx.webhooks.listEndpoints(storeId)).length >= MAX_ENDPOINTS) throw conflict(`A store may have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
      await tx.webhooks.saveEndpoint(storeId, endpoint);
      await audit(tx, storeId, actor, "webhook.created", endpoint, { url: endpoint.url, events: endpoint.events });
    });
    return { endpoint: view(endpoint), secret };
  }

  async update(storeId: number, endpointId: string, input: EndpointUpdate, actor: string): Promise<EndpointView> {
    if (input.url !== undefined) this.checkUrl(input.url);
    const updated = await this.change(storeId, endpointId, async (tx, endpoint, at) => {
      const turnedOn = input.enabled === true && !endpoint.enabled;
      const turnedOff = input.enabled === false && endpoint.enabled;
      const next: WebhookEndpoint = {
        ...endpoint,
        url: input.url ?? endpoint.url,
        description: input.description ?? endpoint.description,
        events: input.events ?? endpoint.events,
        enabled: input.enabled ?? endpoint.enabled,
        ...(turnedOn ? { disabledReason: null, failingSince: null } : {}),
        ...(turnedOff ? { disabledReason: "merchant" as const } : {}),
        updatedAt: at,
      };
      if (turnedOn) await tx.webhooks.moveDeliveries(storeId, endpointId, "paused", "pending", at);
      if (turnedOff) await tx.webhooks.moveDeliveries(storeId, endpointId, "pending", "paused", at);
      await audit(tx, storeId, actor, "webhook.updated", next, input);
      return next;
    });
    return view(updated);
  }

  async rollSecret(storeId: number, endpointId: string, actor: string): Promise<EndpointWithSecret> {
    const secret = newEndpointSecret();
    const endpoint = await this.change(storeId, endpointId, async (tx, current, at) => {
      const next = { ...current, sealedSecret: this.deps.secrets.seal(secret), updatedAt: at };
      await audit(tx, storeId, actor, "webhook.secret_rolled", next, {});
      return next;
    });
    return { endpoint: view(endpoint), secret };
  }

  async remove(storeId: number, endpointId: string, actor: string): Promise<void> {
    await this.deps.storage.transaction(storeId, async (tx) => {
      const endpoint = await tx.webhooks.getEndpoint(storeId, endpointId);
      if (!endpoint || !(await tx.webhooks.deleteEndpoint(storeId, endpointId))) throw notFound(`Webhook endpoint ${endpointId} was not found`);
      await audit(tx, storeId, actor, "webhook.deleted", endpoint, { url: endpoint.url }, this.deps.clock.now().toISOString());
    });
  }

  /** Queues a `webhook.test` event for the endpoint, sent like any other (on, or it waits until it is). */
  async sendTest(storeId: number, endpointId: string): Promise<DeliveryList["items"][number]> {
    const now = this.deps.clock.now();
    const delivery = await this.deps.storage.transaction(storeId, async (tx) => {
      const endpoint = await tx.webhooks.getEndpoint(storeId, endpointId);
      if (!endpoint) throw notFound(`Webhook endpoint ${endpointId} was not found`);
      const queued = newDelivery(storeId, endpoint.id, eventBody(storeId, TEST_EVENT_TYPE, { message: "A test event from Questline" }, now));
      const saved = endpoint.enabled ? queued : { ...queued, status: "paused" as const };
      await tx.webhooks.saveDelivery(storeId, saved);
      return saved;
    });
    const { body: _body, storeId: _store, ...listed } = delivery;
    return listed;
  }

  async deliveries(storeId: number, endpointId: string): Promise<DeliveryList> {
    const items = await this.deps.storage.read(storeId, async (tx) => {
      if (!(await tx.webhooks.getEndpoint(storeId, endpointId))) throw notFound(`Webhook endpoint ${endpointId} was not found`);
      return tx.webhooks.listDeliveries(storeId, endpointId, LISTED_DELIVERIES);
    });
    return { items: items.map(({ body: _body, storeId: _store, ...listed }) => listed) };
  }

  private async change(storeId: number, endpointId: string, work: (tx: Tx, endpoint: WebhookEndpoint, at: string) => Promise<WebhookEndpoint>): Promise<WebhookEndpoint> {
    return this.deps.storage.transaction(storeId, async (tx) => {
      const endpoint = await tx.webhooks.getEndpoint(storeId, endpointId);
      if (!endpoint) throw notFound(`Webhook endpoint ${endpointId} was not found`);
      const next = await work(tx, endpoint, this.deps.clock.now().toISOString());
      await tx.webhooks.saveEndpoint(storeId, next);
      return next;
    });
  }

  /** https only (plain http on loopback in tests); an address written out must be public. Hosts are resolved and checked at every delivery. */
  private checkUrl(raw: string): void {
    const url = new URL(raw);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const loopbackAllowed = this.deps.allowLoopback && isLoopbackHost(host);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopbackAllowed)) throw badRequest("The endpoint URL must start with https://");
    if (url.username || url.password) throw badRequest("The endpoint URL may not carry a user name or password");
    if (!loopbackAllowed && (host === "localhost" || host.endsWith(".localhost") || (/^[\d.]+$|:/.test(host) && !isCallableAddress(host, false)))) {
      throw badRequest(`The endpoint URL must point to a public address, not ${host}`);
    }
  }
}

function audit(tx: Tx, storeId: number, actor: string, action: string, endpoint: WebhookEndpoint, details: Record<string, unknown>, at = endpoint.updatedAt): Promise<void> {
  return tx.audit.append(storeId, { id: newId("aud"), storeId, actor, action, subject: endpoint.id, details, createdAt: at });
}
