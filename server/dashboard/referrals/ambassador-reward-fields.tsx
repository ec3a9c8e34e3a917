import { SelectField, TextField } from "../ui/field.js";
import type { ReferralFieldsProps } from "./referral-fields.js";

/** What an ambassador earns per qualified friend: points, or one of the program's rewards granted free. */
export function AmbassadorRewardFields({ draft, set, save, rewards }: ReferralFieldsProps & { rewards: { id: string; name: string }[] }) {
  // A reward removed from the program since it was chosen still shows, so the merchant sees what is saved.
  const choices: [string, string][] = rewards.map((reward) => [reward.id, reward.name]);
  if (draft.rewardId && !rewards.some((reward) => reward.id === draft.rewardId)) choices.unshift([draft.rewardId, `${draft.rewardId} (no longer in the program)`]);
  if (!draft.rewardId) choices.unshift(["", "Choose a reward"]);
  const rewardIssue = save.issue("ambassadorReward", "rewardId") ?? save.issue("referrals", "ambassadorReward", "rewardId");
  return (
    <fieldset class="fieldset ql-referral-group">
      <legend class="fieldset__title ql-referral-group__title">The ambassador's reward</legend>
      <p class="ql-hint ql-referral-group__hint">Paid for each friend whose first order qualifies, once the holding period has passed.</p>
      <div class="ql-rule-form__grid">
        <SelectField
          label="Ambassadors earn"
          value={draft.rewardKind}
          options={[
            ["points", "Points"],
            ["reward", "A reward of your program"],
          ]}
          onChange={set("rewardKind")}
          error={save.issue("ambassadorReward", "kind")}
        />
        {draft.rewardKind === "points" ? (
          <TextField label="Points per friend" inputMode="numeric" value={draft.rewardPoints} onInput={set("rewardPoints")} error={save.issue("ambassadorReward", "points")} />
        ) : (
          <SelectField
            label="Reward per friend"
            value={draft.rewardId}
            options={choices}
            onChange={set("rewardId")}
            error={rewardIssue ?? (rewards.length === 0 ? "Your program has no rewards yet: add one under Program › Rewards." : undefined)}
          />
        )}
      </div>
    </fieldset>
  );
}
