import { conflict, notFound } from "../../lib/errors.js";
import type { InboxEvent, InboxRepository } from "../../modules/inbox/inbox-event.js";
import { isClaimable } from "./inbox-table.js";
import type { StoreRegistry } from "./store-registry.js";
import type { StoreState } from "./store-state.js";
import type { StoreUnitOfWork } from "./store-unit-of-work.js";
import { timeOf } from "./time-ordered-log.js";
import { copy, copyOrNull } from "./copy.js";

/**
 * The inbox lives in each store's file but outside store transactions: each call is its own
 * small unit of work under the store's lock. `claimNext` scans every loaded store for the oldest
 * claimable event without the locks, then takes it under its store's lock, checking again that
 * it is still claimable (another claim may have won in between), and looks again if not.
 */
export function createInboxRepository(units: StoreUnitOfWork, registry: StoreRegistry): InboxRepository {
  const change = (storeId: number, eventId: string, next: (event: InboxEvent) => InboxEvent) =>
    units.write(storeId, (state, undo) => {
      const event = state.inbox.get(eventId);
      if (!event) throw notFound(`inbox event ${eventId} not found in store ${storeId}`);
      state.inbox.replace(next(event), undo);
    });

  return {
    add(storeId, event) {
      if (event.storeId !== storeId) return Promise.reject(new Error(`an inbox event of store ${event.storeId} cannot be added to store ${storeId}`));
      return units.write(storeId, (state, undo) => ({ created: state.inbox.add(copy(event), undo) }));
    },
    get: (storeId, eventId) => units.read(storeId, (state) => copyOrNull(state.inbox.get(eventId))),
    async claimNext(now, leaseMs) {
      units.assertOpen();
      if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0) throw new Error(`lease must be a positive whole number of milliseconds, got ${leaseMs}`);
      const at = now.getTime();
      for (let candidate = oldestClaimable(registry.loaded(), at); candidate; candidate = oldestClaimable(registry.loaded(), at)) {
        const { storeId, eventId } = candidate;
        const claimed = await units.write(storeId, (state, undo) => {
          const event = state.inbox.get(eventId);
          if (!event || !isClaimable(event, at)) return null;
          const leased: InboxEvent = { ...event, attempts: event.attempts + 1, leaseUntil: new Date(at + leaseMs).toISOString() };
          state.inbox.replace(leased, undo);
          return copy(leased);
        });
        if (claimed) return claimed;
      }
      return null;
    },
    complete: (storeId, eventId, now) => change(storeId, eventId, (event) => ({ ...event, status: "done", leaseUntil: null, processedAt: now.toISOString() })),
    fail: (storeId, eventId, error, retryAt) =>
      change(storeId, eventId, (event) =>
        retryAt
          ? { ...event, status: "pending", availableAt: retryAt.toISOString(), leaseUntil: null, lastError: error }
          : { ...event, status: "failed", leaseUntil: null, lastError: error },
      ),
    listFailed: (storeId) =>
      units.read(storeId, (state) =>
        state.inbox
          .failed()
          .sort((a, b) => timeOf(a.receivedAt, "inbox receivedAt") - timeOf(b.receivedAt, "inbox receivedAt"))
          .map(copy),
      ),
    requeue: (storeId, eventId, now) =>
      change(storeId, eventId, (event) => {
        if (event.status !== "failed") throw conflict(`inbox event ${eventId} is ${event.status}, not failed`);
        return { ...event, status: "pending", availableAt: now.toISOString(), leaseUntil: null };
      }),
    counts: (storeId) => units.read(storeId, (state) => state.inbox.counts()),
  };
}

function oldestClaimable(states: StoreState[], now: number): { storeId: number; eventId: string } | null {
  let oldest: { storeId: number; eventId: string; time: number } | null = null;
  for (const state of states) {
    const event = state.inbox.oldestClaimable(now);
    if (!event) continue;
    const time = timeOf(event.receivedAt, "inbox receivedAt");
    if (!oldest || time < oldest.time) oldest = { storeId: state.storeId, eventId: event.eventId, time };
  }
  return oldest;
}
