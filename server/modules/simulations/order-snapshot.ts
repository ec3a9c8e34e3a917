import type { OrderFacts } from "../orders/order-facts.js";

/**
 * One paid order of the last 12 months as a simulation needs it: who placed it and what it earns on (order-facts.ts),
 * and what the ledger holds for it (as of the fetch), so the program as it ran stands beside the simulated ones.
 */
export type SnapshotOrder = Pick<OrderFacts, "orderId" | "customerId" | "email" | "paymentStatus" | "eligibleMinor" | "totalMinor" | "refundedMinor" | "placedAt"> & {
  /** The member the books put the order on (null: not booked), and the net points its ledger lines hold. */
  recorded: { memberId: string | null; points: number };
};

/** The last completed snapshot: simulations run on it while a refresh fetches the next. */
export interface ReadySnapshot {
  generation: string;
  /** The orders' creation range, ISO instants. */
  from: string;
  to: string;
  orders: number;
  /** Ecwid had more orders in the range than a snapshot keeps (the first `orders` it listed are kept). */
  capped: boolean;
  fetchedAt: string;
}

/** The store's one fetch of its last 12 months of orders: the one under way (or last run) and the snapshot ready. */
export interface OrderFetch {
  storeId: number;
  /** Names this fetch's orders; a refresh starts a new generation and the older one is dropped once it is done. */
  generation: string;
  status: "running" | "done" | "failed";
  from: string;
  to: string;
  /** Orders Ecwid reported in the range, known after the first page. */
  total: number | null;
  /** Orders listed so far (the offset of the next page). */
  listed: number;
  /** Orders kept (those naming a customer or an email). */
  kept: number;
  error: string | null;
  startedAt: string;
  updatedAt: string;
  actor: string;
  ready: ReadySnapshot | null;
}

/**
 * A store's order snapshots, outside the store's transactions (they are a copy of Ecwid's books, refetched at will):
 * one fetch record, and the orders of at most two generations (the ready one and the one being fetched). Purged
 * with the store's data.
 */
export interface OrderSnapshotStore {
  fetchOf(storeId: number): Promise<OrderFetch | null>;
  saveFetch(storeId: number, fetch: OrderFetch): Promise<void>;
  /** Adds the generation's orders; an order already held (a page fetched twice) is replaced. */
  putOrders(storeId: number, generation: string, orders: SnapshotOrder[]): Promise<void>;
  orders(storeId: number, generation: string): Promise<SnapshotOrder[]>;
  /** Drops every generation's orders but `keep`'s. */
  keepOnly(storeId: number, keep: string[]): Promise<void>;
  purge(storeId: number): Promise<void>;
}

export const ORDER_FETCH_EVENT = "questline.simulation_orders_page";
export const ORDER_FETCH_PAGE_SIZE = 100;
/** The most orders one snapshot keeps: 12 months of a store selling about 270 orders a day. */
export const MAX_SNAPSHOT_ORDERS = 100_000;
