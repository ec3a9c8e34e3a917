import type { JobRepository } from "../../lib/job-repository.js";

/** A merchant's import of past orders, paged through the inbox so it survives a restart. */
export interface BackfillJob {
  id: string;
  storeId: number;
  /** Inclusive range, ISO dates. */
  from: string;
  to: string;
  status: "running" | "done" | "failed";
  /** Orders Ecwid reported in the range, known after the first page. */
  total: number | null;
  processed: number;
  credited: number;
  error: string | null;
  startedAt: string;
  updatedAt: string;
  actor: string;
}

export type BackfillRepository = JobRepository<BackfillJob>;

export const BACKFILL_EVENT = "questline.backfill_page";
export const BACKFILL_PAGE_SIZE = 100;
