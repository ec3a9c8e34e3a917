import type { ProgramSettings } from "../api.js";
import { numberOrText } from "../program/fields.js";
import type { Picked } from "../ui/catalog-pickers.js";

export type Membership = ProgramSettings["memberships"][number];

/** A pass as the form holds it: the product picked (or none yet), the tier, the months as typed. */
export interface PassDraft {
  id: string;
  product: Picked | null;
  tierId: string;
  months: string;
}

export const MAX_PASSES = 10;

/** Saved passes name their product by id only; `names` holds what the catalog said of them. */
export const passDrafts = (memberships: Membership[], names: Map<number, string>): PassDraft[] =>
  memberships.map(({ id, productId, tierId, months }) => ({
    id,
    product: { id: productId, name: names.get(productId) ?? `Product #${productId}` },
    tierId,
    months: String(months),
  }));

/** A new pass: a fresh id, no product yet, the first tier offered, a year. */
export const newPass = (tierId: string): PassDraft => ({ id: `ms_${crypto.randomUUID().slice(0, 8)}`, product: null, tierId, months: "12" });

/** The passes as the API takes them; a product not picked or months not a number go as they are, for the server to say why beside the field. */
export const passesBody = (passes: PassDraft[]) => passes.map(({ id, product, tierId, months }) => ({ id, productId: product?.id ?? null, tierId, months: numberOrText(months) }));
