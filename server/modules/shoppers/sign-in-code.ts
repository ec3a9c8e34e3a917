/** A one-time code a shopper was emailed to prove they own an address. Only its hash is stored. */
export interface SignInCode {
  id: string;
  storeId: number;
  /** Normalised email. */
  email: string;
  codeHash: string;
  expiresAt: string;
  /** Wrong guesses so far; the code dies at the limit. */
  attempts: number;
  consumedAt: string | null;
  createdAt: string;
}

export interface SignInCodeRepository {
  insert(storeId: number, code: SignInCode): Promise<void>;
  /** The newest code for the email that is neither consumed nor expired at `now`. */
  latestActive(storeId: number, email: string, now: Date): Promise<SignInCode | null>;
  /** Saves attempts and consumedAt of an existing code. */
  update(storeId: number, code: SignInCode): Promise<void>;
}
