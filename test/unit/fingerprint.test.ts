import { describe, expect, it } from "vitest";
import { fingerprint } from "../../server/lib/fingerprint.js";

const nested = (levels: number) => JSON.parse(`${"[".repeat(levels)}1${"]".repeat(levels)}`);

describe("fingerprint", () => {
  it("when receipts were stored by earlier versions, then the same bodies still print the same", () => {
    // Prints taken from the recursive implementation, so receipts already stored keep matching redeliveries.
    const event = { storeId: 1003, entityId: "516483487", eventType: "order.updated", data: { orderId: "K8XTQ", oldPaymentStatus: "AWAITING_PAYMENT", newPaymentStatus: "PAID" } };
    const awkward = JSON.parse('{"b":[1,{"z":null,"a":[[],{}]},"x"],"10":true,"9":"nine","__proto__":{"constructor":"é\\u0000"}}');
    expect(fingerprint(event)).toBe("7T8UMfT5yy4xITF9w7CQEowiLfw4-vaoiwT8HSffuqc");
    expect(fingerprint(awkward)).toBe("gfVI7_Qer7kbIYAz8TCnS1gX4fWNd1l1GAxSrIQ-XRM");
    expect(fingerprint(null)).toBe("dCNOmK_nSY-12vHzasLXiswzlGT5UHA7jAGYkvmCuQs");
    expect(fingerprint([null, [1, [2, [3]]]])).toBe("bEj_ZGz-45kkBfIVJXmfH8cCc188p0K-3iruYKEmdWQ");
  });

  it("when the same data comes with its keys in another order, then the print is the same", () => {
    expect(fingerprint({ a: 1, b: { c: [1, 2], d: null } })).toBe(fingerprint({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(fingerprint({ a: [1, 2] })).not.toBe(fingerprint({ a: [2, 1] }));
  });

  it("when a value nests 100,000 levels deep, then it is printed without overflowing the stack", () => {
    expect(fingerprint(nested(100_000))).not.toBe(fingerprint(nested(99_999)));
  });
});
