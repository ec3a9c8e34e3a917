import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import { formatEcwidDate } from "../../ecwid/ecwid-date.js";
import type { Clock } from "../../lib/clock.js";
import { conflict } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { InboxEvent, InboxRepository } from "../inbox/inbox-event.js";
import { queueJobPage } from "../inbox/job-page.js";
import { orderFacts } from "../orders/order-facts.js";
import { addLocalMonths } from "../program/period.rules.js";
import type { InstallService } from "../stores/install.service.js";
import { MAX_SNAPSHOT_ORDERS, ORDER_FETCH_EVENT, ORDER_FETCH_PAGE_SIZE, type OrderFetch, type OrderSnapshotStore, type SnapshotOrder } from "./order-snapshot.js";

const pageEventId = (fetch: Pick<OrderFetch, "generation">, offset: number) => `${fetch.generation}:${offset}`;

/** A fetch that says it runs but whose next page is no longer queued (dropped, or failed for good) has stopped. */
const STOPPED = "stopped before it finished";
const RUNNING = "Orders are already being fetched for this store";

/**
 * Fetches the store's paid orders of the last 12 months from Ecwid into its snapshot, a page at a time, each page an
 * inbox event (durable, leased to one worker, taken again after a crash; the next page is queued before the current
 * one counts). Each order keeps what earning needs and what the ledger holds for it now. One fetch per store at a
 * time; a refresh fetches a new generation, and the snapshot before it serves until the new one is done.
 */
export class OrderFetchService {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"orders" | "ledger">;
      snapshots: OrderSnapshotStore;
      inbox: InboxRepository;
      ecwid: EcwidClient;
      installs: InstallService;
      clock: Clock;
    },
  ) {}

  async start(storeId: number, actor: string): Promise<OrderFetch> {
    const install = await this.deps.installs.requireActive(storeId);
    const { storage, snapshots, clock } = this.deps;
    const now = clock.now();
    const before = await snapshots.fetchOf(storeId);
    if (before?.status === "running" && (await this.isAlive(before))) throw conflict(RUNNING);
    // Under the store's writer lock (every process takes it): a fetch another request started since the check above wins.
    const fetch = await storage.transaction(storeId, async () => {
      const current = await snapshots.fetchOf(storeId);
      if (current?.status === "running" && current.generation !== before?.generation) throw conflict(RUNNING);
      const at = now.toISOString();
      const started: OrderFetch = {
        storeId,
        generation: newId("snap"),
        status: "running",
        from: addLocalMonths(now, -12, install.timeZone).toISOString(),
        to: at,
        total: null,
        listed: 0,
        kept: 0,
        error: null,
        startedAt: at,
        updatedAt: at,
        actor,
        ready: current?.ready ?? null,
      };
      await snapshots.keepOnly(storeId, started.ready ? [started.ready.generation] : []);
      await snapshots.saveFetch(storeId, started);
      return started;
    });
    await this.queuePage(fetch, 0);
    return fetch;
  }

  /** The store's fetch as it stands (null: never fetched); one that stopped reads as failed. */
  async get(storeId: number): Promise<OrderFetch | null> {
    const fetch = await this.deps.snapshots.fetchOf(storeId);
    if (fetch?.status !== "running" || (await this.isAlive(fetch))) return fetch;
    return { ...fetch, status: "failed", error: STOPPED };
  }

  /** The inbox handler for one page. */
  async processPage(event: InboxEvent): Promise<void> {
    const { storage, snapshots, ecwid, installs, clock } = this.deps;
    const storeId = event.storeId;
    const generation = String(event.data?.generation ?? "");
    const offset = Number(event.data?.offset ?? 0);
    const fetch = await snapshots.fetchOf(storeId);
    if (fetch?.generation !== generation || fetch.status !== "running" || fetch.listed > offset) return;

    const install = await installs.requireActive(storeId);
    const page = await ecwid.searchOrders(storeId, await installs.accessToken(storeId), {
      createdFrom: formatEcwidDate(new Date(fetch.from)),
      createdTo: formatEcwidDate(new Date(fetch.to)),
      offset,
      limit: ORDER_FETCH_PAGE_SIZE,
    });
    const facts = page.items.map((order) => orderFacts(order, install.currencyPrecision, clock.now())).filter((order) => order.customerId !== null || order.email !== null);
    const orders = await storage.read(storeId, (tx) =>
      Promise.all(
        facts.map(async (order): Promise<SnapshotOrder> => {
          const [record, entries] = await Promise.all([tx.orders.get(storeId, order.orderId), tx.ledger.listBySource(storeId, { type: "order", id: order.orderId })]);
          const { orderId, customerId, email, paymentStatus, eligibleMinor, totalMinor, refundedMinor, placedAt } = order;
          const recorded = { memberId: record?.memberId ?? null, points: entries.reduce((sum, entry) => sum + entry.delta, 0) };
          return { orderId, customerId, email, paymentStatus, eligibleMinor, totalMinor, refundedMinor, placedAt, recorded };
        }),
      ),
    );
    await snapshots.putOrders(storeId, generation, orders);

    const listed = offset + page.items.length;
    const capped = listed >= MAX_SNAPSHOT_ORDERS && listed < page.total;
    const finished = page.items.length === 0 || listed >= page.total || capped;
    if (!finished) await this.queuePage(fetch, listed);
    await storage.transaction(storeId, async () => {
      const current = await snapshots.fetchOf(storeId);
      if (current?.generation !== generation || current.listed > offset) return;
      const at = clock.now().toISOString();
      const kept = current.kept + orders.length;
      const ready = finished ? { generation, from: current.from, to: current.to, orders: kept, capped, fetchedAt: at } : current.ready;
      await snapshots.saveFetch(storeId, { ...current, status: finished ? "done" : "running", total: page.total, listed, kept, updatedAt: at, ready });
      if (finished) await snapshots.keepOnly(storeId, [generation]);
    });
  }

  private async isAlive(fetch: OrderFetch): Promise<boolean> {
    const page = await this.deps.inbox.get(fetch.storeId, pageEventId(fetch, fetch.listed));
    return page?.status === "pending";
  }

  private async queuePage(fetch: OrderFetch, offset: number): Promise<void> {
    const { storeId, generation } = fetch;
    const page = { eventId: pageEventId(fetch, offset), storeId, eventType: ORDER_FETCH_EVENT, entityId: generation, data: { generation, offset } };
    await queueJobPage(this.deps.inbox, page, this.deps.clock.now());
  }
}
