import type { ProgramSettings } from "../../settings/program-settings.js";
import type { ProgramTemplate, TemplateItems } from "./template.js";

type ListPart = "challenges" | "badges" | "tiers" | "rewards";
const LISTS: ListPart[] = ["challenges", "badges", "tiers", "rewards"];

export interface StoreCategory {
  id: number;
  name: string;
}

/** The store's category whose name holds one of the words (first word first), else its first category; null when it has none. */
export function chooseCategory(words: string[], categories: StoreCategory[]): number | null {
  for (const word of words) {
    const found = categories.find((category) => category.name.toLowerCase().includes(word.toLowerCase()));
    if (found) return found.id;
  }
  return categories[0]?.id ?? null;
}

/**
 * A template's items for a store: money in its currency's minor units, each category challenge counting the
 * store's own category; a category challenge is left out (and named in `skipped`) when the store has none.
 */
export function templateItems(template: ProgramTemplate, precision: number, categories: StoreCategory[]): { items: Omit<TemplateItems, "categoryChallenges">; skipped: string[] } {
  const { categoryChallenges, ...items } = template.items(precision);
  const skipped: string[] = [];
  const counted = categoryChallenges.flatMap(({ challenge, categoryWords }) => {
    const categoryId = chooseCategory(categoryWords, categories);
    if (categoryId === null || !("categoryIds" in challenge.goal)) {
      skipped.push(challenge.title);
      return [];
    }
    return [{ ...challenge, goal: { ...challenge.goal, categoryIds: [categoryId] } }];
  });
  return { items: { ...items, challenges: [...items.challenges, ...counted] }, skipped };
}

/** The program with the template's items it does not hold yet (by id), so applying a template twice adds nothing the second time. */
export function mergeTemplate(current: ProgramSettings, items: Omit<TemplateItems, "categoryChallenges">): { next: Record<string, unknown>; added: Record<ListPart, number> } {
  const next: Record<string, unknown> = { ...current };
  const added = { challenges: 0, badges: 0, tiers: 0, rewards: 0 };
  for (const list of LISTS) {
    const have = new Set(current[list].map((item) => item.id));
    const fresh = items[list].filter((item) => !have.has(item.id));
    next[list] = [...current[list], ...fresh];
    added[list] = fresh.length;
  }
  return { next, added };
}
