import { useEffect } from "preact/hooks";
import { useDashboard } from "../context.js";
import type { Picked } from "../ui/catalog-pickers.js";
import type { Challenge, ChallengeDraft } from "./challenge-draft.js";

/**
 * A saved challenge names its products and categories (goal and audience) by id only: this asks the catalog for
 * their names once the page opens. If the catalog cannot be read, the ids stay as they are.
 */
export function useCatalogNames(item: Challenge | null, setDraft: (update: (draft: ChallengeDraft) => ChallengeDraft) => void) {
  const { api, fmt } = useDashboard();
  useEffect(() => {
    if (!item) return;
    const goal = "productIds" in item.goal ? item.goal : { productIds: [], categoryIds: [] };
    const productIds = [...goal.productIds, ...item.audience.productIds];
    const categoryIds = [...goal.categoryIds, ...item.audience.categoryIds];
    if (productIds.length === 0 && categoryIds.length === 0) return;
    let live = true;
    void (async () => {
      const products = productIds.length ? (await api.products({ q: "", ids: [...new Set(productIds)].join(","), limit: 100 })).items : [];
      const categories = categoryIds.length ? (await api.categories({ q: "" })).items : [];
      if (!live) return;
      const productNames = new Map(products.map((p) => [p.id, `${p.name} · ${fmt.money(p.priceMinor)}${p.enabled ? "" : " · hidden"}`]));
      const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
      const named = (names: Map<number, string>, gone: string) => (list: Picked[]) =>
        list.map((picked) => ({ ...picked, name: names.get(picked.id) ?? `${picked.name}, ${gone}` }));
      const product = named(productNames, "no longer in your catalog");
      const category = named(categoryNames, "not found");
      setDraft((draft) => ({
        ...draft,
        products: product(draft.products),
        categories: category(draft.categories),
        boughtProducts: product(draft.boughtProducts),
        boughtCategories: category(draft.boughtCategories),
      }));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [item?.id]);
}
