/**
 * A shopper task done in the widget (join, birthday, visit, survey, proof): the history shopper-kind challenges are
 * measured from. Only `done` and `approved` ones count; a proof waits `pending` until the merchant decides.
 */
export interface TaskCompletion {
  storeId: number;
  memberId: string;
  challengeId: string;
  /** The period it was done in (`challengeStanding`'s periodKey at the time): "once", "2026-12-01", "2026-W49", "2026-12", "n3". */
  periodKey: string;
  status: "done" | "pending" | "approved" | "rejected";
  completedAt: string;
}
