import { conflict, notFound } from "../../lib/errors.js";
import { checkClaim, type InboxEvent, type InboxRepository } from "../../modules/inbox/inbox-event.js";
import type { WebhookReceiptRepository } from "../../modules/inbox/webhook-receipt.js";
import { isClaimable } from "./inbox-table.js";
import type { StoreRegistry } from "./store-registry.js";
import type { StoreState } from "./store-state.js";
import type { StoreUnitOfWork } from "./store-unit-of-work.js";
import { timeOf } from "./time-ordered-log.js";
import { copy, copyOrNull } from "./copy.js";

/**
 * The inbox lives in each store's file but outside store transactions: each call is its own
 * small unit of work under the store's lock. `claimNext` scans every loaded store without the locks
 * for the store whose turn it is (fewest live leases, then oldest claimable event), then takes the
 * event under its store's lock, checking again that it is still claimable and the store still under
 * its limit (another claim may have won in between), and looks again if not.
 */
export function createInboxRepository(units: StoreUnitOfWork, registry: StoreRegistry, receipts: WebhookReceiptRepository): InboxRepository {
  const change = (storeId: number, eventId: string, next: (event: InboxEvent) => InboxEvent) =>
    units.writeInbox(storeId, (inbox, undo) => {
      const event = inbox.get(eventId);
      if (!event) throw notFound(`inbox event ${eventId} not found in store ${storeId}`);
      inbox.replace(next(event), undo);
    });

  const add: InboxRepository["add"] = (storeId, event) => {
    if (event.storeId !== storeId) return Promise.reject(new Error(`an inbox event of store ${event.storeId} cannot be added to store ${storeId}`));
    return units.writeInbox(storeId, (inbox, undo) => ({ created: inbox.add(copy(event), undo) }));
  };

  return {
    add,
    // Two files, written one after the other: the event first, so a crash between leaves an event that a
    // retried delivery (no receipt yet) finds already there.
    async addWithReceipt(storeId, event, receipt) {
      const seen = await receipts.find(receipt.eventId);
      if (seen) return { created: false, seenFingerprint: seen.fingerprint };
      const { created } = await add(storeId, event);
      await receipts.remember(receipt);
      return { created, seenFingerprint: null };
    },
    get: (storeId, eventId) => units.read(storeId, (state) => copyOrNull(state.inbox.get(eventId))),
    async claimNext(now, leaseMs, options = {}) {
      units.assertOpen();
      checkClaim(leaseMs, options);
      const at = now.getTime();
      const limit = options.perStoreLimit ?? Number.POSITIVE_INFINITY;
      for (let candidate = nextInTurn(registry.loaded(), at, limit); candidate; candidate = nextInTurn(registry.loaded(), at, limit)) {
        const { storeId, eventId } = candidate;
        const claimed = await units.writeInbox(storeId, (inbox, undo) => {
          const event = inbox.get(eventId);
          if (!event || !isClaimable(event, at) || inbox.leased(at) >= limit) return null;
          const leased: InboxEvent = { ...event, attempts: event.attempts + 1, leaseUntil: new Date(at + leaseMs).toISOString() };
          inbox.replace(leased, undo);
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
    async pruneDone(cutoff) {
      units.assertOpen();
      let pruned = 0;
      for (const { storeId } of registry.loaded()) pruned += await units.write(storeId, (state, undo) => state.inbox.pruneDone(cutoff.getTime(), undo));
      return pruned;
    },
  };
}

/** The claimable event of the store whose turn it is: fewest live leases first, then the oldest waiting. */
function nextInTurn(states: StoreState[], now: number, limit: number): { storeId: number; eventId: string } | null {
  let next: { storeId: number; eventId: string; leased: number; time: number } | null = null;
  for (const state of states) {
    const leased = state.inbox.leased(now);
    if (leased >= limit || (next && leased > next.leased)) continue;
    const event = state.inbox.oldestClaimable(now);
    if (!event) continue;
    const time = timeOf(event.receivedAt, "inbox receivedAt");
    if (!next || leased < next.leased || time < next.time) next = { storeId: state.storeId, eventId: event.eventId, leased, time };
  }
  return next;
}
