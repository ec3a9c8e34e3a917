import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { findOrCreateMember } from "../../server/modules/members/member.service.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock(new Date());
let app: TestApp;
let storeId: number;
let token: string;
let memberId: string;

beforeEach(async () => {
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ ownerEmail: "owner@shop.example" }));
  token = await app.adminToken(storeId);
  const member = await app.container.storage.transaction(storeId, (tx) => findOrCreateMember(tx, storeId, { customerId: 5, email: "Ana@Example.com" }, clock));
  memberId = member.id;
});
afterEach(() => app.close());

const adjust = (body: unknown, key?: string) =>
  app.http.post(`/api/admin/members/${memberId}/adjustments`, body, { headers: { ...bearer(token).headers, ...(key ? { "Idempotency-Key": key } : {}) } });
const ledger = () => app.http.get(`/api/admin/members/${memberId}/ledger`, bearer(token));

describe("merchant adjustments", () => {
  it("when the merchant adds points with a reason, then one entry, the balance and an audit line record it", async () => {
    const response = await adjust({ points: 250, reason: "Apology for a late parcel" });
    expect(response.status).toBe(201);
    expect(response.data).toMatchObject({ created: true, balance: 250, entry: { delta: 250, kind: "adjust", actor: "owner@shop.example", note: "Apology for a late parcel" } });
    const lines = await ledger();
    expect(lines.data.member.balance).toBe(250);
    expect(lines.data.items).toHaveLength(1);
    const audit = await app.http.get("/api/admin/audit", bearer(token));
    expect(audit.data.items[0]).toMatchObject({ action: "points.adjusted", actor: "owner@shop.example", subject: memberId, details: { points: 250, balanceAfter: 250 } });
  });

  it("when the same request is sent twice with one Idempotency-Key, then it is booked once", async () => {
    const first = await adjust({ points: 40, reason: "double click" }, "click-1");
    const second = await adjust({ points: 40, reason: "double click" }, "click-1");
    const [third, fourth] = await Promise.all([adjust({ points: 5, reason: "race" }, "race-1"), adjust({ points: 5, reason: "race" }, "race-1")]);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.data.entry.id).toBe(first.data.entry.id);
    expect([third!.status, fourth!.status].sort()).toEqual([200, 201]);
    expect((await ledger()).data.member.balance).toBe(45);
    expect((await ledger()).data.items).toHaveLength(2);
    expect((await app.http.get("/api/admin/audit", bearer(token))).data.total).toBe(2);
  });

  it("when an Idempotency-Key is reused with a different body, then 422 and the first adjustment stands alone", async () => {
    expect((await adjust({ points: 40, reason: "welcome" }, "key-1")).status).toBe(201);
    for (const body of [
      { points: 400, reason: "welcome" },
      { points: 40, reason: "another reason" },
    ]) {
      const reused = await adjust(body, "key-1");
      expect(reused.status).toBe(422);
      expect(reused.data.code).toBe("idempotency_key_reused");
    }
    const lines = await ledger();
    expect(lines.data.member.balance).toBe(40);
    expect(lines.data.items).toHaveLength(1);
  });

  it("when the input is bad, then a 400 names each problem at its field with our code, and nothing changes", async () => {
    const cases: [unknown, object][] = [
      [
        { points: 1.5, reason: "fraction" },
        { path: ["points"], code: "invalid_type" },
      ],
      [
        { points: 0, reason: "zero" },
        { path: ["points"], code: "invalid_value" },
      ],
      [
        { points: "10", reason: "string" },
        { path: ["points"], code: "invalid_type" },
      ],
      [{ points: 10 }, { path: ["reason"], code: "required" }],
      [
        { points: 10, reason: " " },
        { path: ["reason"], code: "too_small", minimum: 3, unit: "characters" },
      ],
      [
        { points: 1e15, reason: "huge" },
        { path: ["points"], code: "too_big", maximum: 100_000_000 },
      ],
      [
        { points: 10, reason: "typo", note: "x" },
        { path: ["note"], code: "unknown_field" },
      ],
    ];
    for (const [body, issue] of cases) {
      const response = await adjust(body);
      expect(response.status).toBe(400);
      expect(response.data).toEqual({ code: "validation_failed", message: expect.any(String), issues: [{ ...issue, message: expect.any(String) }] });
    }
    const malformed = await app.http.post(`/api/admin/members/${memberId}/adjustments`, "{points: 5", {
      headers: { ...bearer(token).headers, "Content-Type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.data.code).toBe("malformed_json");
    expect((await ledger()).data.items).toHaveLength(0);
    expect((await app.http.get("/api/admin/audit", bearer(token))).data.total).toBe(0);
  });

  it("when a deduction would take the balance below zero, then it is refused with the balance in the message", async () => {
    await adjust({ points: 30, reason: "start" });
    const response = await adjust({ points: -31, reason: "too much" });
    expect(response.status).toBe(409);
    expect(response.data).toMatchObject({ code: "insufficient_points" });
    expect(response.data.message).toContain("30 points");
    expect((await adjust({ points: -30, reason: "all of it" })).status).toBe(201);
    expect((await ledger()).data.member.balance).toBe(0);
  });

  it("when members are searched by email, then matches come back with balances", async () => {
    await adjust({ points: 70, reason: "seed" });
    const found = await app.http.get("/api/admin/members?email=ana@example.com", bearer(token));
    expect(found.data.total).toBe(1);
    expect(found.data.items[0]).toMatchObject({ id: memberId, email: "ana@example.com", balance: 70 });
    expect((await app.http.get("/api/admin/members?email=nobody@example.com", bearer(token))).data.total).toBe(0);
    expect((await app.http.get("/api/admin/members?limit=1000", bearer(token))).status).toBe(400);
  });
});
