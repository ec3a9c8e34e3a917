/** Where a referral code leads: the store and the member it was issued to. */
export interface ReferralCodeOwner {
  storeId: number;
  memberId: string;
}

/**
 * Referral codes across every store (`storage.referralCodes`): the landing `GET /r/:code` knows only the code.
 * A code is claimed before the member who gets it is saved, so a claim whose member write failed stays behind;
 * it is harmless, since whoever follows a code also asks the store's members who holds it (`findByReferralCode`).
 */
export interface ReferralCodeIndex {
  /** Takes the code (upper-cased) for the member; false when it is already taken, by anyone. */
  claim(code: string, storeId: number, memberId: string): Promise<boolean>;
  /** Who the code (compared upper-cased) was claimed for, or null. */
  find(code: string): Promise<ReferralCodeOwner | null>;
  /** Forgets every code of the store (with the store's data). */
  purge(storeId: number): Promise<void>;
}
