import { describe, expect, it } from "vitest";
import { orderSchema } from "../../server/ecwid/wire-types.js";
import { boardName, nameAfterOrder, personName } from "../../server/modules/members/member-name.rules.js";
import { orderFacts } from "../../server/modules/orders/order-facts.js";

const now = new Date("2026-03-01T00:00:00Z");
const factsOf = (billingPerson: unknown) => orderFacts(orderSchema.parse({ id: "K1", paymentStatus: "PAID", billingPerson }), 2, now);

describe("member names", () => {
  it("when an order's billing person has first and last names, then the member is named by them; else by the whole name; else nobody", () => {
    expect(factsOf({ name: "ignored", firstName: " Maya ", lastName: "Kowalski" }).name).toBe("Maya Kowalski");
    expect(factsOf({ name: "Jan  de\tVries" }).name).toBe("Jan de Vries");
    expect(factsOf({ firstName: "", lastName: "", name: "  " }).name).toBeNull();
    expect(factsOf(undefined).name).toBeNull();
  });

  it("when a billing person holds control characters, a lone surrogate, a shape we cannot read or a very long name, then the order still reads and the name is plain and bounded", () => {
    expect(personName({ firstName: "Ma\u0000ya\u200b", lastName: "K\ud800" })).toBe("Ma ya K");
    expect(factsOf("not a person").name).toBeNull();
    expect(factsOf({ firstName: 42 }).orderId).toBe("K1");
    expect(Array.from(personName({ name: "x".repeat(500) }) ?? "")).toHaveLength(100);
  });

  it("when orders arrive in any order, then the newest order's name wins and an order naming nobody keeps the name", () => {
    const older = { name: "Maya Old", placedAt: "2026-01-01T00:00:00Z" };
    const newer = { name: "Maya New", placedAt: "2026-02-01T00:00:00Z" };
    const both = [older, newer];
    expect(nameAfterOrder(nameAfterOrder(null, older, both), newer, both)).toBe("Maya New");
    expect(nameAfterOrder(nameAfterOrder(null, newer, both), older, both)).toBe("Maya New");
    expect(nameAfterOrder("Maya New", { name: null, placedAt: "2026-03-01T00:00:00Z" }, both)).toBe("Maya New");
  });

  it("when the board shows a member, then it is first name and last initial, a first name alone, or the email's first letter, never more", () => {
    expect(boardName("Maya Kowalski", "maya@example.com")).toBe("Maya K.");
    expect(boardName("Maya van der berg", null)).toBe("Maya B.");
    expect(boardName("Maya", "maya@example.com")).toBe("Maya");
    expect(boardName(null, "maya.kowalski@example.com")).toBe("M.");
    expect(boardName(null, "émile@example.com")).toBe("É.");
    expect(boardName(null, null)).toBe("?");
    expect(boardName(`${"A".repeat(60)} Z`, null)).toBe(`${"A".repeat(40)} Z.`);
  });
});
