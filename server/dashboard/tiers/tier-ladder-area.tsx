import { ladder } from "../../modules/tiers/ladder.rules.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { ProgramList } from "../program/program-list.js";
import { proposedLadder, type Tier, type TierRules } from "./tier-draft.js";
import { TierEditor } from "./tier-editor.js";
import { previewWords, tierLine } from "./tier-words.js";
import { useTierPreview } from "./use-tier-preview.js";

interface LadderProps {
  rules: TierRules;
  groupName: (id: number | null) => string | null;
  /** How many members hold a tier now, by its id; null while unknown. */
  membersOf: (tierId: string) => number | null;
  onChanged: () => void;
}

/** The tiers lowest first, each with what enters and keeps it, its perks, its group and its members; a delete says first who it would move. */
export function TierLadderArea({ rules, groupName, membersOf, onChanged }: LadderProps) {
  const { fmt } = useDashboard();
  const preview = useTierPreview(0);

  async function removeQuestion(tier: Tier, tiers: Tier[]) {
    const result = await preview.check({ tiers: proposedLadder(tiers, tier.id, null), tierRules: rules });
    return result ? `Delete the tier “${tier.name}”? ${previewWords(result, rules.graceDays, fmt)}` : null;
  }

  return (
    <ProgramList
      list="tiers"
      title="Ladder"
      noun="tier"
      subtitle="Lowest first. Members enjoy the highest tier they hold: earned, bought as a membership or given by you."
      summary={(tier) => ({ name: tier.name, line: tierLine(tier, rules.metric, fmt, { groupName: groupName(tier.customerGroupId), members: membersOf(tier.id) }) })}
      Editor={TierEditor}
      order={ladder}
      removeQuestion={removeQuestion}
      onChanged={onChanged}
      notice={
        preview.checking.busy ? (
          <p class="ql-status" role="status">
            Counting the members this delete would move…
          </p>
        ) : (
          preview.checking.error && <Alert tone="error">{preview.checking.error}</Alert>
        )
      }
    />
  );
}
