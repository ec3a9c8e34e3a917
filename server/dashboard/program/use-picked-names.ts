import { useEffect } from "preact/hooks";
import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import type { Picked } from "../ui/catalog-pickers.js";
import type { RewardDraft } from "./reward-draft.js";

type Reward = ProgramItem<"rewards">;

/**
 * A saved reward names its products and categories by id only: this asks the catalog for their names once the
 * form opens and puts them beside the ids. A product the store no longer has says so; if the catalog cannot be
 * read, the ids stay as they are (the names are a help, the ids are what is saved).
 */
export function usePickedNames(item: Reward | null, setDraft: (update: (draft: RewardDraft) => RewardDraft) => void) {
  const { api, fmt } = useDashboard();
  useEffect(() => {
    if (!item) return;
    const productIds = [...("productIds" in item ? item.productIds : []), ...(item.kind === "free_product" ? [item.productId] : [])];
    const categoryIds = "categoryIds" in item ? item.categoryIds : [];
    let live = true;
    void (async () => {
      const products = productIds.length ? (await api.products({ q: "", ids: productIds.join(","), limit: 100 })).items : [];
      const categories = categoryIds.length ? (await api.categories({ q: "" })).items : [];
      if (!live) return;
      const productNames = new Map(products.map((p) => [p.id, `${p.name} · ${fmt.money(p.priceMinor)}${p.enabled ? "" : " · hidden"}`]));
      const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
      const named = (names: Map<number, string>, gone: string) => (picked: Picked) => ({ ...picked, name: names.get(picked.id) ?? `${picked.name}, ${gone}` });
      const product = named(productNames, "no longer in your catalog");
      const category = named(categoryNames, "not found");
      setDraft((draft) => ({
        ...draft,
        product: draft.product && productIds.length ? product(draft.product) : draft.product,
        products: productIds.length ? draft.products.map(product) : draft.products,
        categories: categoryIds.length ? draft.categories.map(category) : draft.categories,
      }));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [item?.id]);
}
