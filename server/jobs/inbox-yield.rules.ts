/** HTTP requests in flight from which the worker counts the process as flooded. */
export const FLOOD_REQUESTS = 16;

/**
 * How many of the worker's lanes may take a new event now. In a flood of requests (a webhook storm, a busy
 * storefront) the worker shares the one thread with them, so all lanes but one rest: intake keeps the CPU,
 * the events it stores are durable and wait, and the one lane keeps the inbox moving until the flood passes.
 */
export function openLanes(lanes: number, requestsInFlight: number, floodAt: number = FLOOD_REQUESTS): number {
  return requestsInFlight >= floodAt ? Math.min(1, lanes) : lanes;
}
