import type { UndoRecorder } from "./undo-log.js";

export interface Page {
  limit: number;
  offset: number;
}

export function checkPage(page: Page): void {
  if (!Number.isSafeInteger(page.limit) || page.limit < 0 || !Number.isSafeInteger(page.offset) || page.offset < 0) {
    throw new Error(`invalid page: limit ${page.limit}, offset ${page.offset}`);
  }
}

export function timeOf(iso: string, what: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`${what} is not an ISO date: ${iso}`);
  return time;
}

/**
 * Items kept in append order and read by time. Appends almost always arrive in time order, so
 * while they do, reading newest-first is a slice from the end; otherwise it sorts. Equal times
 * keep append order: oldest-first puts the earlier append first, newest-first the later one.
 */
export class TimeOrderedLog<T> {
  #inOrder = true;

  constructor(
    private readonly items: T[],
    private readonly timeOfItem: (item: T) => number,
  ) {
    for (let i = 1; i < items.length && this.#inOrder; i += 1) this.#inOrder = this.#time(i - 1) <= this.#time(i);
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T, undo: UndoRecorder): void {
    const wasInOrder = this.#inOrder;
    const last = this.items.at(-1);
    this.#inOrder = wasInOrder && (last === undefined || this.timeOfItem(last) <= this.timeOfItem(item));
    this.items.push(item);
    undo.record(() => {
      this.items.pop();
      this.#inOrder = wasInOrder;
    });
  }

  appendOrder(): readonly T[] {
    return this.items;
  }

  oldestFirst(): T[] {
    return this.#inOrder ? this.items.slice() : this.#sortedIndexes().map((i) => this.items[i] as T);
  }

  newestFirst(page: Page): { total: number; items: T[] } {
    const total = this.items.length;
    if (this.#inOrder) {
      const end = Math.max(total - page.offset, 0);
      return { total, items: this.items.slice(Math.max(end - page.limit, 0), end).reverse() };
    }
    const indexes = this.#sortedIndexes()
      .reverse()
      .slice(page.offset, page.offset + page.limit);
    return { total, items: indexes.map((i) => this.items[i] as T) };
  }

  #time(index: number): number {
    return this.timeOfItem(this.items[index] as T);
  }

  #sortedIndexes(): number[] {
    return this.items.map((_, i) => i).sort((a, b) => this.#time(a) - this.#time(b) || a - b);
  }
}
