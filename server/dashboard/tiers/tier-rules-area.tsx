import { useDashboard } from "../context.js";
import { numberOrText } from "../program/fields.js";
import { PartArea } from "../program/part-area.js";
import { usePartEditor } from "../program/use-part-editor.js";
import { Alert } from "../ui/alert.js";
import { SelectField, TextField } from "../ui/field.js";
import type { Tier, TierRules } from "./tier-draft.js";
import { CostPanel } from "../simulations/cost-panel.js";
import { TierPreviewNotice } from "./tier-preview-notice.js";
import { rulesLine, WINDOW_CHOICES } from "./tier-words.js";
import { useTierPreview } from "./use-tier-preview.js";

interface RulesDraft {
  metric: TierRules["metric"];
  window: TierRules["window"];
  graceDays: string;
}

const rulesBody = (draft: RulesDraft) => ({ metric: draft.metric, window: draft.window, graceDays: numberOrText(draft.graceDays) });

/** How members qualify, for the whole ladder; a change is saved only after the merchant has seen who it would move. */
export function TierRulesArea({ ladder, onSaved }: { ladder: Tier[]; onSaved: () => void }) {
  const { fmt } = useDashboard();
  const editor = usePartEditor("tierRules", (rules): RulesDraft => ({ metric: rules.metric, window: rules.window, graceDays: String(rules.graceDays) }), rulesBody, { onSaved });
  // The preview's refusals name `tierRules.field`.
  const preview = useTierPreview(1);
  const proposal = editor.draft && { tiers: ladder, tierRules: rulesBody(editor.draft) as TierRules };
  const shown = proposal && preview.shownFor(proposal);
  const changed = proposal && editor.read && JSON.stringify(proposal.tierRules) !== JSON.stringify(editor.read.value);
  const mustCheck = Boolean(changed && !shown);
  const issue = (field: string) => editor.save.issue(field) ?? preview.checking.issue(field);

  return (
    <PartArea
      title="Qualifying"
      subtitle="How members reach and keep a tier, for the whole ladder."
      editor={{ ...editor, submit: () => (mustCheck && proposal ? void preview.check(proposal) : editor.submit()) }}
      describe={(rules) => rulesLine(rules, fmt)}
      editLabel="Edit qualifying"
      formTitle="How members qualify"
      submitLabel={mustCheck ? "Check who moves" : "Save qualifying"}
      savedText="Qualifying saved. Members move at their next review under these rules."
      footer={
        editor.draft &&
        proposal && (
          <>
            <TierPreviewNotice preview={preview} shown={shown ?? null} graceDays={Number(editor.draft.graceDays) || 0} saveLabel="Save qualifying" />
            <CostPanel proposal={proposal} />
          </>
        )
      }
      fields={(draft) => (
        <>
          {editor.read && draft.metric !== editor.read.value.metric && (
            <Alert tone="warning" title="The tiers' amounts keep their numbers">
              An entry of {fmt.moneyShort(25_000)} is stored as {fmt.count(25_000)} (the currency's smallest unit), so measured by points it would read {fmt.points(25_000)}, and
              back. Change each tier's amounts after saving.
            </Alert>
          )}
          <div class="ql-rule-form__grid">
            <SelectField<RulesDraft["metric"]>
              label="Measured by"
              value={draft.metric}
              options={[
                ["spend", "Money spent"],
                ["points", "Points earned"],
              ]}
              onChange={editor.set("metric")}
              error={issue("metric")}
            />
            <SelectField<RulesDraft["window"]> label="Counted" value={draft.window} options={WINDOW_CHOICES} onChange={editor.set("window")} error={issue("window")} />
            <TextField
              label="Grace days before a demotion"
              inputMode="numeric"
              value={draft.graceDays}
              onInput={editor.set("graceDays")}
              error={issue("graceDays")}
              hint="A member below their tier's keep amount keeps it this long, and is warned by email. 0: it goes at their next review."
            />
          </div>
        </>
      )}
    />
  );
}
