import { CategoryPicker, ProductPicker } from "../ui/catalog-pickers.js";
import { SelectField } from "../ui/field.js";
import type { AudienceKind } from "./challenge-draft.js";
import type { ChallengeFieldsProps } from "./challenge-fields.js";
import { Choices, type ProgramChoices } from "./pays-fields.js";

const AUDIENCES: [AudienceKind, string][] = [
  ["everyone", "Every member"],
  ["tier", "Members in chosen tiers"],
  ["bought", "Members who bought chosen products or categories before"],
  ["new", "New shoppers (no paid order yet)"],
  ["returning", "Returning shoppers (a paid order before)"],
];

/** Who may take part; members outside it neither see it nor are paid. */
export function AudienceFields({ draft, set, issue, choices }: ChallengeFieldsProps & { choices: ProgramChoices }) {
  return (
    <>
      <div class="ql-rule-form__grid">
        <SelectField label="Open to" value={draft.audience} options={AUDIENCES} onChange={set("audience")} error={issue("audience", "kind")} />
      </div>
      {draft.audience === "tier" && (
        <Choices
          legend="Tiers"
          empty="No tiers yet: add them under Tiers on the Program page."
          items={choices.tiers}
          chosen={draft.tierIds}
          onChange={set("tierIds")}
          error={issue("audience", "tierIds")}
        />
      )}
      {draft.audience === "bought" && (
        <div class="ql-rule-form__pickers">
          <ProductPicker label="Bought products" picked={draft.boughtProducts} onChange={set("boughtProducts")} error={issue("audience", "productIds")} />
          <CategoryPicker label="Bought from categories" picked={draft.boughtCategories} onChange={set("boughtCategories")} error={issue("audience", "categoryIds")} />
        </div>
      )}
    </>
  );
}
