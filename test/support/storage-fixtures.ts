import { newId } from "../../server/lib/ids.js";
import type { AuditEntry } from "../../server/modules/audit/audit-entry.js";
import type { InboxEvent } from "../../server/modules/inbox/inbox-event.js";
import type { LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import type { TaskCompletion } from "../../server/modules/program/task-completion.js";
import { emptyStats, freshMemberState, type Member } from "../../server/modules/members/member.js";
import type { Install } from "../../server/modules/stores/install.js";

/** A store id no other test uses, so suites may share one database. */
export function aStoreId(): number {
  return 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
}

/** `minutes` after a fixed instant, as an ISO string. */
export function minutesAfter(minutes: number, start = "2026-03-01T10:00:00.000Z"): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}

export function anInstall(storeId: number, overrides: Partial<Install> = {}): Install {
  return {
    storeId,
    status: "active",
    accessTokenSealed: "v1.sealed.token.here",
    publicToken: "public_abc",
    scopes: ["read_orders", "read_customers"],
    ownerEmail: "owner@shop.example",
    storeName: `Shop ${storeId}`,
    currency: "USD",
    currencyPrecision: 2,
    lang: "en",
    timeZone: "UTC",
    storeUrl: `https://shop${storeId}.example/`,
    installedAt: minutesAfter(0),
    updatedAt: minutesAfter(0),
    uninstalledAt: null,
    purgeAfter: null,
    ...overrides,
  };
}

export function aMember(storeId: number, overrides: Partial<Member> = {}): Member {
  const id = overrides.id ?? newId("mem");
  return {
    id,
    storeId,
    email: `${id}@shopper.example`,
    customerId: null,
    balance: 0,
    stats: emptyStats(),
    ...freshMemberState(),
    createdAt: minutesAfter(0),
    updatedAt: minutesAfter(0),
    ...overrides,
  };
}

/** A shopper task done (a click-through, once) unless `overrides` say otherwise. */
export function aCompletion(storeId: number, memberId: string, overrides: Partial<TaskCompletion> = {}): TaskCompletion {
  return {
    id: newId("tsk"),
    storeId,
    memberId,
    challengeId: "ch_visit",
    periodKey: "once",
    status: "done",
    answer: null,
    link: null,
    photo: false,
    reason: null,
    completedAt: minutesAfter(0),
    decidedAt: null,
    ...overrides,
  };
}

export function aLedgerEntry(storeId: number, memberId: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  const id = overrides.id ?? newId("led");
  return {
    id,
    storeId,
    memberId,
    delta: 10,
    kind: "adjust",
    source: { type: "manual", id },
    idempotencyKey: `manual:${id}`,
    actor: "system",
    note: "",
    basis: null,
    createdAt: minutesAfter(0),
    ...overrides,
  };
}

export function anAuditEntry(storeId: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: newId("aud"),
    storeId,
    actor: "owner@shop.example",
    action: "points.adjusted",
    subject: "member",
    details: {},
    createdAt: minutesAfter(0),
    ...overrides,
  };
}

export function anInboxEvent(storeId: number, overrides: Partial<InboxEvent> = {}): InboxEvent {
  const receivedAt = overrides.receivedAt ?? minutesAfter(0);
  return {
    eventId: newId("evt"),
    storeId,
    eventType: "order.updated",
    entityId: String(Math.floor(Math.random() * 1_000_000)),
    data: { newPaymentStatus: "PAID" },
    eventCreated: Math.floor(Date.parse(receivedAt) / 1000),
    receivedAt,
    status: "pending",
    attempts: 0,
    availableAt: receivedAt,
    leaseUntil: null,
    lastError: null,
    processedAt: null,
    ...overrides,
  };
}
