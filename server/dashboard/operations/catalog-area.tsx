import { Area } from "../ui/area.js";
import { CatalogSearch } from "../ui/catalog-search.js";

/** Whether Questline can read the store's catalog, which the product pickers of rewards and challenges search. */
export function CatalogArea() {
  return (
    <Area title="Your catalog" subtitle="Questline reads your products so rewards and challenges can name them. Search to check that it sees your catalog.">
      <CatalogSearch label="Find a product" />
    </Area>
  );
}
