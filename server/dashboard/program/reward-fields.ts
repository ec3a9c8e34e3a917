import type { Formatters } from "../format.js";
import type { RewardDraft } from "./reward-draft.js";

/** What every part of the reward form gets: the draft, a setter per field, and the server's messages by path. */
export interface RewardFieldsProps {
  draft: RewardDraft;
  set: <K extends keyof RewardDraft>(key: K) => (value: RewardDraft[K]) => void;
  issue: (...path: (string | number)[]) => string | undefined;
  moneyIssue: (text: string, ...path: (string | number)[]) => string | undefined;
  fmt: Formatters;
}
