import { useRef } from "preact/hooks";
import type { ProgramItem } from "../api.js";
import { ProductPicker } from "../ui/catalog-pickers.js";
import { SelectField, TextField } from "../ui/field.js";
import type { useSave } from "../ui/use-save.js";
import { MAX_PASSES, newPass, type PassDraft } from "./memberships-draft.js";

interface PassFieldsProps {
  passes: PassDraft[];
  tiers: ProgramItem<"tiers">[];
  onChange: (passes: PassDraft[]) => void;
  save: Pick<ReturnType<typeof useSave>, "issue">;
}

/** The passes on sale, each its product, tier and months, with Remove; Add a pass below them. */
export function PassFields({ passes, tiers, onChange, save }: PassFieldsProps) {
  const add = useRef<HTMLButtonElement>(null);
  const change = (index: number, patch: Partial<PassDraft>) => onChange(passes.map((pass, at) => (at === index ? { ...pass, ...patch } : pass)));
  const tierChoices = tiers.map((tier): [string, string] => [tier.id, tier.inviteOnly ? `${tier.name} (invitation only)` : tier.name]);
  return (
    <>
      {passes.length === 0 && <p class="ql-hint">No passes: nothing is on sale.</p>}
      <ol class="ql-passes">
        {passes.map((pass, index) => (
          <li class="ql-passes__item" key={pass.id}>
            <div class="ql-passes__fields">
              <ProductPicker
                label={`Pass ${index + 1}: product`}
                single
                picked={pass.product ? [pass.product] : []}
                onChange={(picked) => change(index, { product: picked[0] ?? null })}
                // The only refusal of a product is its absence: once one is picked, the message goes.
                error={!pass.product && save.issue(index, "productId") ? "Choose the product that sells this pass." : undefined}
              />
              <div class="ql-passes__grid">
                <SelectField label="Tier it gives" value={pass.tierId} options={tierChoices} onChange={(tierId) => change(index, { tierId })} error={save.issue(index, "tierId")} />
                <TextField
                  label="Months per pass (1 to 60)"
                  inputMode="numeric"
                  value={pass.months}
                  onInput={(months) => change(index, { months })}
                  error={save.issue(index, "months")}
                />
              </div>
            </div>
            <button
              class="btn btn-default btn-small ql-passes__remove"
              type="button"
              aria-label={`Remove pass ${index + 1}${pass.product ? ` (${pass.product.name})` : ""}`}
              onClick={() => {
                onChange(passes.filter((_, at) => at !== index));
                // The button leaves with its row: focus goes to "Add a pass".
                requestAnimationFrame(() => add.current?.focus());
              }}
            >
              Remove pass
            </button>
          </li>
        ))}
      </ol>
      {passes.length < MAX_PASSES && tiers[0] && (
        <button ref={add} class="btn btn-default btn-small ql-passes__add" type="button" onClick={() => onChange([...passes, newPass(tiers[0]!.id)])}>
          Add a pass
        </button>
      )}
    </>
  );
}
