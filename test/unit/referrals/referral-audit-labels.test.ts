import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../server/modules/audit/audit-entry.js";
import { presentAuditEntry } from "../../../server/modules/audit/audit-labels.rules.js";

const entry = (action: string, details: Record<string, unknown>): AuditEntry => ({
  id: "aud_1",
  storeId: 1,
  actor: "system",
  action,
  subject: "mem_maya",
  details: { referralId: "ref_1", orderId: "K8XTQ", code: "MAYA-7Q2K", friendEmail: "lena@example.com", reason: null, points: 0, ...details },
  createdAt: "2026-03-05T10:00:00.000Z",
});
const maya = { id: "mem_maya", email: "maya@example.com" };

describe("referral moves in the merchant's activity", () => {
  it("when a referral moves, then the label names the friend, the ambassador and why in words", () => {
    const label = (action: string, details: Record<string, unknown> = {}) => presentAuditEntry(entry(action, details), maya).label;
    expect(label("referral.checking")).toBe("Referral of lena@example.com by maya@example.com recorded, being checked");
    expect(label("referral.paid", { points: 550 })).toBe("Referral of lena@example.com by maya@example.com paid (+550 points)");
    expect(label("referral.rejected", { reason: "existing_customer" })).toBe("Referral of lena@example.com by maya@example.com rejected: an existing customer");
    expect(label("referral.rejected", { reason: "merchant_rejected", note: "ads" })).toBe("Referral of lena@example.com by maya@example.com rejected: rejected by you (ads)");
    expect(label("referral.reversed", { reason: "refunded" })).toBe("Referral of lena@example.com by maya@example.com reversed: the order was refunded");
    expect(presentAuditEntry(entry("referral.review", { friendEmail: null }), null).label).toBe("Referral of order K8XTQ by member mem_maya waits for your review");
  });
});
