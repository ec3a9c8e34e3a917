/**
 * The steps that take back a unit of work's in-memory changes, newest first.
 *
 * Why an undo log rather than working on a copy: a store file holds thousands of ledger entries
 * plus their indexes, and copying all of that for every transaction would cost time proportional
 * to the store's size; the undo log costs only what the transaction changed, and the same steps
 * restore the indexes. Every mutation of a table records its inverse here before returning.
 */
/** What a table needs to make a change undoable. */
export interface UndoRecorder {
  record(step: () => void): void;
}

/** For building indexes at load: there is nothing to take back. */
export const noUndo: UndoRecorder = { record: () => {} };

export class UndoLog implements UndoRecorder {
  readonly #steps: (() => void)[] = [];

  record(step: () => void): void {
    this.#steps.push(step);
  }

  get changed(): boolean {
    return this.#steps.length > 0;
  }

  rollback(): void {
    for (let step = this.#steps.pop(); step; step = this.#steps.pop()) step();
  }
}
