import { describe, expect, it } from "vitest";
import type { WebhookReceipt } from "../../server/modules/inbox/webhook-receipt.js";
import { aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import type { ContractHarness } from "./contract-harness.js";

const aReceipt = (overrides: Partial<WebhookReceipt> = {}): WebhookReceipt => ({
  eventId: `evt-${Math.random().toString(36).slice(2)}`,
  storeId: aStoreId(),
  fingerprint: "fp-1",
  receivedAt: minutesAfter(0),
  ...overrides,
});

export function describeReceiptsContract(h: ContractHarness): void {
  describe("webhook receipts", () => {
    it("when a receipt is remembered twice, then the first one stays", async () => {
      const receipt = aReceipt();
      await h.storage.receipts.remember(receipt);
      await h.storage.receipts.remember({ ...receipt, fingerprint: "fp-2", storeId: receipt.storeId + 1 });
      expect(await h.storage.receipts.find(receipt.eventId)).toEqual(receipt);
      expect(await h.storage.receipts.find("evt-unknown")).toBeNull();
    });

    it("when an event id is named like a built-in object property, then it is unknown until remembered and then kept like any other", async () => {
      for (const eventId of ["__proto__", "constructor", "toString", "hasOwnProperty"]) expect(await h.storage.receipts.find(eventId)).toBeNull();
      const receipt = aReceipt({ eventId: "__proto__" });
      await h.storage.receipts.remember(receipt);
      expect(await h.storage.receipts.find("__proto__")).toEqual(receipt);
      expect(await h.storage.receipts.find("constructor")).toBeNull();
    });

    it("when the same receipt is remembered concurrently, then exactly one is kept", async () => {
      const receipt = aReceipt();
      await Promise.all([1, 2, 3, 4].map((n) => h.storage.receipts.remember({ ...receipt, fingerprint: `fp-${n}` })));
      expect((await h.storage.receipts.find(receipt.eventId))?.fingerprint).toMatch(/^fp-[1-4]$/);
    });

    it("when old receipts are forgotten, then only those before the cutoff go", async () => {
      const old = aReceipt({ receivedAt: minutesAfter(0) });
      const recent = aReceipt({ receivedAt: minutesAfter(120) });
      await h.storage.receipts.remember(old);
      await h.storage.receipts.remember(recent);
      expect(await h.storage.receipts.forgetBefore(new Date(minutesAfter(60)))).toBe(1);
      expect(await h.storage.receipts.find(old.eventId)).toBeNull();
      expect(await h.storage.receipts.find(recent.eventId)).toEqual(recent);
    });
  });
}
