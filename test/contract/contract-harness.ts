import type { Member } from "../../server/modules/members/member.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { aMember } from "../support/storage-fixtures.js";

/** What an adapter's runner hands the contract for each test. The storage must start empty. */
export interface OpenedStorage {
  storage: Storage;
  /** Opens a new storage on the same data (a process restart). Omitted by adapters that keep nothing. */
  reopen?: () => Promise<Storage>;
  /** Closes every storage opened for the test and removes its data. */
  cleanup: () => Promise<void>;
}

export type OpenStorage = () => Promise<OpenedStorage>;

/** The running test's view of the adapter. */
export interface ContractHarness {
  readonly storage: Storage;
  /** Closes the current storage and opens a new one on the same data. */
  reopen(): Promise<Storage>;
}

export async function insertMember(storage: Storage, storeId: number, overrides: Partial<Member> = {}): Promise<Member> {
  const member = aMember(storeId, overrides);
  await storage.transaction(storeId, (tx) => tx.members.insert(storeId, member));
  return member;
}

export const at = (iso: string): Date => new Date(iso);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
