import type { OrderRecord } from "../../modules/orders/order-record.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's order records, indexed by public id, internal id and member. */
export class OrderTable {
  readonly #position = new Map<string, number>();
  readonly #byInternalId = new Map<number, string>();
  readonly #byMember = new Map<string, Set<string>>();

  constructor(private readonly rows: OrderRecord[]) {
    rows.forEach((record, index) => {
      this.#position.set(record.orderId, index);
      this.#index(record);
    });
  }

  get(orderId: string): OrderRecord | undefined {
    const index = this.#position.get(orderId);
    return index === undefined ? undefined : this.rows[index];
  }

  findByInternalId(internalId: number): OrderRecord | undefined {
    const orderId = this.#byInternalId.get(internalId);
    return orderId === undefined ? undefined : this.get(orderId);
  }

  forMember(memberId: string): OrderRecord[] {
    return [...(this.#byMember.get(memberId) ?? [])].map((orderId) => this.get(orderId)).filter((record): record is OrderRecord => record !== undefined);
  }

  save(record: OrderRecord, undo: UndoRecorder): void {
    const index = this.#position.get(record.orderId);
    if (index === undefined) {
      this.#position.set(record.orderId, this.rows.length);
      this.rows.push(record);
      this.#index(record);
      undo.record(() => {
        this.#unindex(record);
        this.rows.pop();
        this.#position.delete(record.orderId);
      });
      return;
    }
    const previous = this.rows[index]!;
    this.#unindex(previous);
    this.rows[index] = record;
    this.#index(record);
    undo.record(() => {
      this.#unindex(record);
      this.rows[index] = previous;
      this.#index(previous);
    });
  }

  #index(record: OrderRecord): void {
    if (record.internalId !== null) this.#byInternalId.set(record.internalId, record.orderId);
    const orders = this.#byMember.get(record.memberId) ?? new Set<string>();
    orders.add(record.orderId);
    this.#byMember.set(record.memberId, orders);
  }

  #unindex(record: OrderRecord): void {
    if (record.internalId !== null) this.#byInternalId.delete(record.internalId);
    this.#byMember.get(record.memberId)?.delete(record.orderId);
  }
}
