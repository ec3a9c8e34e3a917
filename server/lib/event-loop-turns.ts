import { setImmediate } from "node:timers/promises";

/**
 * For long work in the server's one thread: the returned function, awaited between steps, gives the event loop a
 * turn once `sliceMs` of work has passed since the last turn (a clock, not a step count: steps vary a hundredfold in
 * cost), and otherwise returns at once.
 */
export function turnsEvery(sliceMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await setImmediate();
    since = performance.now();
  };
}
