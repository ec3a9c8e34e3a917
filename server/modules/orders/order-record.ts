export interface OrderItem {
  productId: number;
  categoryId: number;
  quantity: number;
}

/** What the books last knew of one Ecwid order: enough to keep member stats exact however events arrive. */
export interface OrderRecord {
  orderId: string;
  /** Ecwid's internal numeric id (a webhook's entityId); lets an order.deleted without data be matched. */
  internalId: number | null;
  storeId: number;
  /** Null for an order with neither an email nor an Ecwid customer (no member): kept so the overview counts it. */
  memberId: string | null;
  paymentStatus: string;
  /** Counts toward stats and earning (a counted status, not fully refunded, not deleted). */
  counted: boolean;
  /** The eligible amount the shopper kept (eligible-amount.rules.ts), in minor units; 0 when not counted. */
  eligibleMinor: number;
  /** The products bought, each with the category it was bought from (0: none); [] for records saved before items were kept. */
  items: OrderItem[];
  placedAt: string;
  /** The Ecwid revision (updateTimestamp) these facts came from; an older snapshot is never applied over it. */
  revision: number;
  updatedAt: string;
}

export interface OrderRecordRepository {
  get(storeId: number, orderId: string): Promise<OrderRecord | null>;
  save(storeId: number, record: OrderRecord): Promise<void>;
  listForMember(storeId: number, memberId: string): Promise<OrderRecord[]>;
  findByInternalId(storeId: number, internalId: number): Promise<OrderRecord | null>;
}
