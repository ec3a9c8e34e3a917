/** Who did what to whom, for the merchant's audit log. Append-only. */
export interface AuditEntry {
  id: string;
  storeId: number;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface AuditRepository {
  append(storeId: number, entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(storeId: number, page: { limit: number; offset: number }): Promise<{ total: number; items: AuditEntry[] }>;
}
