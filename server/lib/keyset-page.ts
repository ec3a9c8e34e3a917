/**
 * A page of a walk through a store's rows in the order they were written, read by key (never an offset), so a
 * walk over any number of rows costs the same per page. `next` is where the walk continues (the adapter's own
 * position: a row number on lowdb, `seq` on PostgreSQL); null at the end.
 */
export interface KeysetPage<T> {
  items: T[];
  next: number | null;
}
