/** Kept from import, so a test's fake timers never hold a write back. */
const immediate = globalThis.setImmediate;

/**
 * Resolves after the event loop's current turn: the requests read in this turn all make their changes first,
 * and share the one append that follows.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => immediate(resolve));
