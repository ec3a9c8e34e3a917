import { useDashboard } from "../context.js";
import { Checkbox, TextField } from "../ui/field.js";
import { usePage } from "../ui/use-page.js";
import { TranslationFields } from "../program/fields.js";
import { ItemForm } from "../program/item-form.js";
import type { ItemEditorProps } from "../program/program-list.js";
import { useItemEditor } from "../program/use-item-editor.js";
import { movesMembers, proposedLadder, tierBody, tierDraft, type Tier, type TierRules } from "./tier-draft.js";
import { CostPanel } from "../simulations/cost-panel.js";
import { TierGroupField } from "./tier-group-field.js";
import { TierPreviewNotice } from "./tier-preview-notice.js";
import { amountWords } from "./tier-words.js";
import { useTierPreview } from "./use-tier-preview.js";

/** A tier's form, once the saved ladder and rules are read: the proposal a preview measures is that ladder with this edit. */
export function TierEditor(props: ItemEditorProps<"tiers">) {
  const { api } = useDashboard();
  const { data, error } = usePage(() => Promise.all([api.list("tiers"), api.part("tierRules")]), []);
  if (!data) return <p class="ql-status">{error || "Loading…"}</p>;
  return <TierForm {...props} ladder={data[0].items} rules={data[1].value} />;
}

function TierForm({ ladder, rules, ...props }: ItemEditorProps<"tiers"> & { ladder: Tier[]; rules: TierRules }) {
  const { fmt, store } = useDashboard();
  const { metric } = rules;
  const editor = useItemEditor(
    "tiers",
    props,
    (item) => tierDraft(item, metric, fmt),
    (draft) => tierBody(draft, metric, fmt),
  );
  const { draft, set, save } = editor;
  // The preview's refusals name `tiers.N.field`: the field is what is left.
  const preview = useTierPreview(2);
  const issue = (...path: (string | number)[]) => save.issue(...path) ?? preview.checking.issue(...path);
  const amountIssue = (text: string, field: string) => (metric === "spend" ? (save.moneyIssue(text, field) ?? preview.checking.moneyIssue(text, field)) : issue(field));

  const body = tierBody(draft, metric, fmt);
  const proposal = { tiers: proposedLadder(ladder, props.item?.id ?? null, body), tierRules: rules };
  const shown = preview.shownFor(proposal);
  const mustCheck = movesMembers(props.item, body) && !shown;
  const unit = metric === "spend" ? `${fmt.currency} spent` : "points earned";
  const numberField = (field: "threshold" | "keepThreshold" | "multiplierPercent" | "birthdayPoints", label: string, hint: string) => {
    const amount = field === "threshold" || field === "keepThreshold";
    return (
      <TextField
        label={label}
        inputMode={amount && metric === "spend" ? "decimal" : "numeric"}
        value={draft[field]}
        onInput={set(field)}
        error={amount ? amountIssue(draft[field], field) : issue(field)}
        hint={hint}
      />
    );
  };

  return (
    <ItemForm
      title={props.item ? `Edit “${props.item.name}”` : "New tier"}
      save={save}
      submitLabel={mustCheck ? "Check who moves" : "Save tier"}
      onSubmit={() => (mustCheck ? void preview.check(proposal) : editor.submit())}
      onCancel={editor.cancel}
      describeCurrent={(current) => `“${current.name}” from ${amountWords(fmt, metric, current.threshold)}`}
      onTakeCurrent={() => void editor.takeCurrent()}
      onOverwrite={() => void editor.overwrite()}
      footer={
        <>
          <TierPreviewNotice preview={preview} shown={shown} graceDays={rules.graceDays} saveLabel="Save tier" />
          <CostPanel proposal={proposal} />
        </>
      }
    >
      <div class="ql-rule-form__grid">
        <TextField label="Name" value={draft.name} onInput={set("name")} error={issue("name")} maxLength={60} />
        {numberField(
          "threshold",
          `Entry amount (${unit})`,
          metric === "spend" ? "After discounts and refunds, without shipping and tax, in the rules' window." : "Points earned in the rules' window, spending not deducted.",
        )}
        {numberField("keepThreshold", `Keep amount (${unit}), optional`, "A lower amount that keeps the tier once reached. Empty: the entry amount keeps it.")}
      </div>
      <div class="ql-rule-form__grid">
        {numberField("multiplierPercent", "Points multiplier (%)", "100 earns what the earning rule gives; 150 earns 1.5 times as many points.")}
        {numberField("birthdayPoints", "Birthday points", "Paid once a year on the member's birthday while they hold this tier.")}
      </div>
      <Checkbox label="Invitation only: members get it only when you give it on their page" checked={draft.inviteOnly} onChange={set("inviteOnly")} />
      <TierGroupField tierId={props.item?.id ?? null} tierName={draft.name} value={draft.customerGroupId} onChange={set("customerGroupId")} error={issue("customerGroupId")} />
      <TextField
        label="Other perks"
        value={draft.perks}
        onInput={set("perks")}
        error={issue("perks")}
        maxLength={300}
        hint="What Questline cannot enforce (free returns, early access). The multiplier, birthday points and group prices are said from the rules."
      />
      <details class="ql-builder__more" open={Object.keys(save.issues).some((key) => key.startsWith("i18n"))}>
        <summary>Texts in other languages</summary>
        <div class="ql-rule-form__grid">
          <TranslationFields label="Name" field="name" storeLang={store.lang} values={draft.names} onInput={set("names")} issue={issue} />
          <TranslationFields label="Other perks" field="perks" storeLang={store.lang} values={draft.perkTranslations} onInput={set("perkTranslations")} issue={issue} />
        </div>
      </details>
    </ItemForm>
  );
}
