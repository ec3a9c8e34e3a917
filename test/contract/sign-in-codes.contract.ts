import { describe, expect, it } from "vitest";
import type { SignInCode } from "../../server/modules/shoppers/sign-in-code.js";
import { aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import type { ContractHarness } from "./contract-harness.js";

const aCode = (storeId: number, overrides: Partial<SignInCode> = {}): SignInCode => ({
  id: `sic_${Math.random().toString(36).slice(2)}`,
  storeId,
  email: "ana@example.com",
  codeHash: "hash",
  expiresAt: minutesAfter(10),
  attempts: 0,
  consumedAt: null,
  createdAt: minutesAfter(0),
  ...overrides,
});

export function describeSignInCodesContract(h: ContractHarness): void {
  describe("sign-in codes", () => {
    it("when codes are issued, then the newest unexpired unconsumed one is active", async () => {
      const storeId = aStoreId();
      const older = aCode(storeId, { createdAt: minutesAfter(0), expiresAt: minutesAfter(10) });
      const newer = aCode(storeId, { createdAt: minutesAfter(1), expiresAt: minutesAfter(11) });
      const other = aCode(storeId, { email: "bo@example.com", createdAt: minutesAfter(2) });
      await h.storage.transaction(storeId, async (tx) => {
        for (const code of [older, newer, other]) await tx.signInCodes.insert(storeId, code);
      });
      await h.storage.transaction(storeId, async (tx) => {
        expect(await tx.signInCodes.latestActive(storeId, "ana@example.com", new Date(minutesAfter(5)))).toEqual(newer);
        expect(await tx.signInCodes.latestActive(storeId, "ana@example.com", new Date(minutesAfter(11)))).toBeNull();
        expect(await tx.signInCodes.latestActive(storeId, "cy@example.com", new Date(minutesAfter(5)))).toBeNull();
      });
    });

    it("when a code is updated with attempts or consumed, then it reads back so and a consumed code is no longer active", async () => {
      const storeId = aStoreId();
      const code = aCode(storeId);
      await h.storage.transaction(storeId, (tx) => tx.signInCodes.insert(storeId, code));
      await h.storage.transaction(storeId, (tx) => tx.signInCodes.update(storeId, { ...code, attempts: 2 }));
      expect(await h.storage.transaction(storeId, (tx) => tx.signInCodes.latestActive(storeId, code.email, new Date(minutesAfter(1))))).toMatchObject({ attempts: 2 });
      await h.storage.transaction(storeId, (tx) => tx.signInCodes.update(storeId, { ...code, attempts: 2, consumedAt: minutesAfter(2) }));
      expect(await h.storage.transaction(storeId, (tx) => tx.signInCodes.latestActive(storeId, code.email, new Date(minutesAfter(3))))).toBeNull();
    });

    it("when concurrent guesses update the same code, then no attempt is lost", async () => {
      const storeId = aStoreId();
      const code = aCode(storeId);
      await h.storage.transaction(storeId, (tx) => tx.signInCodes.insert(storeId, code));
      const guess = () =>
        h.storage.transaction(storeId, async (tx) => {
          const current = await tx.signInCodes.latestActive(storeId, code.email, new Date(minutesAfter(1)));
          await tx.signInCodes.update(storeId, { ...current!, attempts: current!.attempts + 1 });
        });
      await Promise.all([guess(), guess(), guess(), guess()]);
      expect((await h.storage.transaction(storeId, (tx) => tx.signInCodes.latestActive(storeId, code.email, new Date(minutesAfter(1)))))?.attempts).toBe(4);
    });
  });
}
