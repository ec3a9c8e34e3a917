import { useRef } from "preact/hooks";
import type { ProgramItem } from "../api.js";
import { PartArea } from "../program/part-area.js";
import { usePartEditor } from "../program/use-part-editor.js";
import { passDrafts, passesBody, type Membership } from "./memberships-draft.js";
import { PassFields } from "./pass-fields.js";
import { useProductNames } from "./use-product-names.js";

const months = (n: number) => `${n} ${n === 1 ? "month" : "months"}`;

/** Paid memberships: tiers sold as passes (an Ecwid product, the tier, the months), saved as one piece with the usual conflict handling. */
export function MembershipsArea({ tiers }: { tiers: ProgramItem<"tiers">[] }) {
  // The form's rows take the product names the summary loaded (`names`, read when Edit is pressed).
  const editor = usePartEditor(
    "memberships",
    (memberships) => passDrafts(memberships, names),
    (passes) => passesBody(passes),
  );
  const catalogNames = useProductNames(editor.read?.value.map((pass) => pass.productId) ?? []);
  // Products picked in the form are named at once, before the catalog is asked about what was saved.
  const picked = useRef(new Map<number, string>());
  const names = new Map([...picked.current, ...catalogNames]);
  const tierName = (id: string) => tiers.find((tier) => tier.id === id)?.name ?? "a removed tier";
  const describe = (memberships: Membership[]) =>
    memberships.length === 0
      ? "None on sale."
      : memberships.map((pass) => `${names.get(pass.productId) ?? `Product #${pass.productId}`} gives ${tierName(pass.tierId)} for ${months(pass.months)}`).join(" · ");

  return (
    <PartArea
      title="Paid memberships"
      subtitle="Sell a tier as a pass, such as a yearly club pass. A paid order holding the pass's product gives its buyer the tier for the months set, per unit; a pass bought again before the end extends it from the end; a refund or cancellation of that order takes its months back. A member holding a paid and an earned tier enjoys the better."
      editor={editor}
      describe={describe}
      editLabel="Edit paid memberships"
      formTitle="Change paid memberships"
      submitLabel="Save paid memberships"
      savedText="Paid memberships saved."
      fields={(draft) => (
        <PassFields
          passes={draft}
          tiers={tiers}
          onChange={(passes) => {
            for (const { product } of passes) if (product) picked.current.set(product.id, product.name);
            editor.setDraft(passes);
          }}
          save={editor.save}
        />
      )}
    />
  );
}
