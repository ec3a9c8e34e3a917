import type { ProgramSettings } from "./program-settings.js";

/** A product or category of the store's Ecwid catalog the program names, and where (a form's path to the field). */
export interface CatalogReference {
  kind: "product" | "category";
  id: number;
  path: (string | number)[];
}

const ids = (kind: CatalogReference["kind"], list: number[], path: (string | number)[]): CatalogReference[] => list.map((id, at) => ({ kind, id, path: [...path, at] }));

/** Products and categories of a pick (`productIds`, `categoryIds`) at `path`. */
const pick = (value: object, path: (string | number)[]) => [
  ...("productIds" in value ? ids("product", value.productIds as number[], [...path, "productIds"]) : []),
  ...("categoryIds" in value ? ids("category", value.categoryIds as number[], [...path, "categoryIds"]) : []),
];

/** Every product and category the program names: challenges' goals and audiences, badges' milestones, rewards' limits and free products. */
export function catalogReferences(program: ProgramSettings): CatalogReference[] {
  return [
    ...program.challenges.flatMap((challenge, at) => [...pick(challenge.goal, ["challenges", at, "goal"]), ...pick(challenge.audience, ["challenges", at, "audience"])]),
    ...program.badges.flatMap((badge, at) => (badge.goal ? pick(badge.goal, ["badges", at, "goal"]) : [])),
    ...program.rewards.flatMap((reward, at) => [
      ...pick(reward, ["rewards", at]),
      ...("productId" in reward ? [{ kind: "product" as const, id: reward.productId, path: ["rewards", at, "productId"] }] : []),
    ]),
  ];
}

const key = (reference: Pick<CatalogReference, "kind" | "id">) => `${reference.kind}:${reference.id}`;

/**
 * What `after` names that `before` did not: only these are looked up in the catalog, so a product the store
 * has since removed never blocks an unrelated edit.
 */
export function newCatalogReferences(before: ProgramSettings, after: ProgramSettings): CatalogReference[] {
  const known = new Set(catalogReferences(before).map(key));
  return catalogReferences(after).filter((reference) => !known.has(key(reference)));
}
