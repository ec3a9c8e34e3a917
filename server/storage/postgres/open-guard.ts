/** Refuses work once the storage is closed. */
export class OpenGuard {
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  assertOpen(): void {
    if (this.#closed) throw new Error("storage is closed");
  }

  close(): void {
    this.#closed = true;
  }
}
