import { AppError } from "./errors.js";

/**
 * Work that reads a whole store (a preview over every member) runs once per store at a time: a second request while
 * one runs is refused (429, retry in a second), so one merchant's parallel requests never hold the database
 * connections every store shares.
 */
export class OnePerStore {
  readonly #running = new Set<number>();

  constructor(private readonly refusal: string) {}

  async run<T>(storeId: number, work: () => Promise<T>): Promise<T> {
    if (this.#running.has(storeId)) throw new AppError("rate_limited", this.refusal, { retryAfterSeconds: 1 });
    this.#running.add(storeId);
    try {
      return await work();
    } finally {
      this.#running.delete(storeId);
    }
  }
}
