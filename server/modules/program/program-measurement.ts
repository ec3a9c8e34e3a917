import type { JobRepository } from "../../lib/job-repository.js";

/**
 * The background measurement of every member's history against challenges a program change added or
 * re-aimed, paging through the members as inbox events so it survives a restart and runs once.
 */
export interface ProgramMeasurement {
  id: string;
  storeId: number;
  /** The challenges measured, as they are defined when each page runs. */
  challengeIds: string[];
  status: "running" | "done";
  /** Members in the store, known after the first page. */
  total: number | null;
  measured: number;
  /** Members this measurement paid, and the points it paid them in all. */
  paidMembers: number;
  paidPoints: number;
  startedAt: string;
  updatedAt: string;
  actor: string;
}

export type ProgramMeasurementRepository = JobRepository<ProgramMeasurement>;

export const MEASUREMENT_EVENT = "questline.program_measurement_page";
export const MEASUREMENT_PAGE_SIZE = 100;
