import type { Low } from "lowdb";
import type { ReferralCodeIndex } from "../../modules/referrals/referral-code-index.js";
import { checkStoreId, type ReferralCodesDocument } from "./lowdb-documents.js";
import { SerialDocument } from "./serial-document.js";

export interface LowdbReferralCodeIndex extends ReferralCodeIndex {
  /** Refuses new calls, then waits for the writes already accepted. */
  close(): Promise<void>;
}

const taken = Symbol("taken");

/** Every store's referral codes in their own document (referral-codes.json), outside store transactions. */
export function createReferralCodeIndex(db: Low<ReferralCodesDocument>): LowdbReferralCodeIndex {
  const document = new SerialDocument(db);
  const owner = (code: string) => (Object.hasOwn(document.data.codes, code) ? document.data.codes[code]! : null);

  return {
    async claim(code, storeId, memberId) {
      checkStoreId(storeId);
      const key = code.toUpperCase();
      try {
        // Claims queue up and apply one after another, so two members racing for one code cannot both win it.
        await document.commit((current) => {
          const holder = Object.hasOwn(current.codes, key) ? current.codes[key]! : null;
          if (holder && (holder.storeId !== storeId || holder.memberId !== memberId)) throw taken;
          return holder ? current : { ...current, codes: { ...current.codes, [key]: { storeId, memberId } } };
        });
        return true;
      } catch (error) {
        if (error === taken) return false;
        throw error;
      }
    },
    async find(code) {
      const found = owner(code.toUpperCase());
      return found ? { ...found } : null;
    },
    async purge(storeId) {
      if (!Object.values(document.data.codes).some((holder) => holder.storeId === storeId)) return;
      await document.commit((current) => ({
        ...current,
        codes: Object.fromEntries(Object.entries(current.codes).filter(([, holder]) => holder.storeId !== storeId)),
      }));
    },
    close: () => document.close(),
  };
}
