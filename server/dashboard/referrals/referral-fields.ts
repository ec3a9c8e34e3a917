import type { ReferralSettings } from "../../modules/referrals/referral-settings.js";
import type { useSave } from "../ui/use-save.js";
import type { ReferralDraft } from "./referral-settings-draft.js";

/** What each group of the referral settings form receives: the draft, its setter, and the save's messages. */
export interface ReferralFieldsProps {
  draft: ReferralDraft;
  set: <K extends keyof ReferralDraft>(key: K) => (value: ReferralDraft[K]) => void;
  save: ReturnType<typeof useSave<ReferralSettings>>;
}
