/** A store's background jobs of one kind (order imports, program measurements): few, read whole. */
export interface JobRepository<J> {
  get(storeId: number, jobId: string): Promise<J | null>;
  save(storeId: number, job: J): Promise<void>;
  /** Newest first. */
  list(storeId: number, limit: number): Promise<J[]>;
}
