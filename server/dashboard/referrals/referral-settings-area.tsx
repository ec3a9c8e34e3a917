import type { ReferralSettings } from "../../modules/referrals/referral-settings.js";
import { useDashboard } from "../context.js";
import { PartArea } from "../program/part-area.js";
import { usePartEditor } from "../program/use-part-editor.js";
import { Checkbox, TextField } from "../ui/field.js";
import { usePage } from "../ui/use-page.js";
import { AmbassadorRewardFields } from "./ambassador-reward-fields.js";
import { FriendOfferFields } from "./friend-offer-fields.js";
import { LevelFields } from "./level-fields.js";
import { referralBody, referralDraft, sortLevels } from "./referral-settings-draft.js";
import { friendOfferLabel } from "./referral-words.js";

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The referral program's settings: on or off, the friend's offer, the ambassador's reward, the checks before paying, and levels. */
export function ReferralSettingsArea({ onSaved }: { onSaved?: () => void }) {
  const { api, fmt } = useDashboard();
  const { data: rewards } = usePage(() => api.list("rewards"), []);
  const rewardName = (id: string) => rewards?.items.find((reward) => reward.id === id)?.name ?? "a reward";
  const editor = usePartEditor(
    "referrals",
    (settings) => referralDraft(settings, fmt),
    (draft) => referralBody(draft, fmt),
    { beforeSave: (draft) => ({ ...draft, levels: sortLevels(draft.levels) }), onSaved },
  );
  const { save, set } = editor;

  const describe = (settings: ReferralSettings) => {
    if (!settings.enabled) return "Off. Turn it on to give every verified member a link and a code to share with friends.";
    const reward = settings.ambassadorReward;
    const earns = reward.kind === "points" ? fmt.points(reward.points) : `“${rewardName(reward.rewardId)}”`;
    const when = settings.holdDays === 0 ? "as soon as the checks pass" : `${days(settings.holdDays)} after the friend's order`;
    return `On. Friends get ${friendOfferLabel(settings.friendOffer, fmt.moneyShort).replace(/^F/, "f")}; ambassadors earn ${earns} per friend, ${when}.`;
  };

  return (
    <PartArea
      title="Referral program"
      subtitle="Members share a link and a code; a friend's first order brings both a reward. Questline checks each friend is new and not the ambassador before paying."
      editor={editor}
      describe={describe}
      editLabel="Edit referral program"
      formTitle="Change the referral program"
      submitLabel="Save referral program"
      savedText="Referral program saved."
      fields={(draft) => (
        <>
          <Checkbox label="Run the referral program" checked={draft.enabled} onChange={set("enabled")} />
          <FriendOfferFields draft={draft} set={set} save={save} />
          <AmbassadorRewardFields draft={draft} set={set} save={save} rewards={rewards?.items ?? []} />
          <fieldset class="fieldset ql-referral-group">
            <legend class="fieldset__title ql-referral-group__title">Checks before paying</legend>
            <div class="ql-rule-form__grid">
              <TextField
                label="Hold days (0 to 90)"
                inputMode="numeric"
                value={draft.holdDays}
                onInput={set("holdDays")}
                error={save.issue("holdDays")}
                hint="The reward waits this long after the friend's order; a refund or cancellation meanwhile pays nothing. 0 pays at once."
              />
              <TextField
                label={`Minimum order (${fmt.currency})`}
                inputMode="decimal"
                value={draft.minOrder}
                onInput={set("minOrder")}
                error={save.moneyIssue(draft.minOrder, "minOrderMinor")}
                hint="The friend's order must reach it, counted as points count it; 0 for any."
              />
              <TextField
                label="Monthly cap per ambassador"
                inputMode="numeric"
                value={draft.monthlyCap}
                onInput={set("monthlyCap")}
                error={save.issue("monthlyCap")}
                hint="Friends paid per ambassador each calendar month; empty for no cap."
              />
            </div>
            <Checkbox label="Take the reward back when an order is refunded after the hold" checked={draft.reverseAfterHold} onChange={set("reverseAfterHold")} />
            <p class="ql-hint ql-referral-group__hint">
              Off, a reward once paid stays paid. On, a refund or cancellation after the holding period takes the ambassador's points back too.
            </p>
          </fieldset>
          <LevelFields draft={draft} set={set} save={save} />
        </>
      )}
    />
  );
}
