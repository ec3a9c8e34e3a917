import type { Formatters } from "../format.js";
import type { ChallengeDraft } from "./challenge-draft.js";

/** What every part of the challenge form gets: the draft, a setter per field, and the server's messages by path. */
export interface ChallengeFieldsProps<D = ChallengeDraft> {
  draft: D;
  set: <K extends keyof D>(key: K) => (value: D[K]) => void;
  issue: (...path: (string | number)[]) => string | undefined;
  moneyIssue: (text: string, ...path: (string | number)[]) => string | undefined;
  fmt: Formatters;
}
