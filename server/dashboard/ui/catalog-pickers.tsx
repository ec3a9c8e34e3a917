import { useId, useState } from "preact/hooks";
import type { CatalogCategoryList } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "./alert.js";
import { CatalogSearch } from "./catalog-search.js";
import { TextField } from "./field.js";

/** A product or category the merchant picked, with its name when the catalog told us (saved ones come back as ids). */
export interface Picked {
  id: number;
  name: string;
}

/** What was picked, each with a button that takes it off again. */
function PickedList({ label, items, onRemove }: { label: string; items: Picked[]; onRemove: (id: number) => void }) {
  const id = useId();
  return (
    <div class="ql-picked">
      <p class="fieldset__title" id={id}>
        {label}
      </p>
      {items.length === 0 ? (
        <p class="ql-hint">None chosen.</p>
      ) : (
        <ul class="ql-picked__list" aria-labelledby={id}>
          {items.map((item) => (
            <li class="ql-picked__item" key={item.id}>
              <span>{item.name}</span>
              <button class="btn btn-default btn-small" type="button" aria-label={`Remove ${item.name}`} onClick={() => onRemove(item.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Products chosen by searching the catalog: one (`single`, each pick replaces it) or several; the server's message about them under the search field. */
export function ProductPicker({
  label,
  picked,
  onChange,
  single = false,
  error,
}: {
  label: string;
  picked: Picked[];
  onChange: (picked: Picked[]) => void;
  single?: boolean;
  error?: string | undefined;
}) {
  const { fmt } = useDashboard();
  return (
    <div class="ql-picker">
      <PickedList label={label} items={picked} onRemove={(id) => onChange(picked.filter((p) => p.id !== id))} />
      <CatalogSearch
        label={single ? "Find the product" : "Find products to add"}
        error={error}
        onPick={(product) => {
          const item = { id: product.id, name: `${product.name} · ${fmt.money(product.priceMinor)}` };
          onChange(single ? [item] : [...picked.filter((p) => p.id !== product.id), item]);
        }}
      />
    </div>
  );
}

/** Categories chosen from the store's category list, searched by name; the server's message about them under the search field. */
export function CategoryPicker({ label, picked, onChange, error }: { label: string; picked: Picked[]; onChange: (picked: Picked[]) => void; error?: string | undefined }) {
  const { api } = useDashboard();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<CatalogCategoryList | null>(null);
  const [problem, setProblem] = useState("");
  async function search() {
    try {
      setFound(await api.categories({ q: q.trim() }));
      setProblem("");
    } catch (failure) {
      setProblem((failure as Error).message);
    }
  }
  return (
    <div class="ql-picker">
      <PickedList label={label} items={picked} onRemove={(id) => onChange(picked.filter((p) => p.id !== id))} />
      <div
        class="ql-toolbar"
        role="search"
        aria-label="Category search"
        onKeyDown={(event) => {
          if (event.key !== "Enter" || !(event.target instanceof HTMLInputElement)) return;
          event.preventDefault();
          void search();
        }}
      >
        <div class="ql-toolbar__grow">
          <TextField label="Find categories to add" value={q} onInput={setQ} maxLength={100} placeholder="Name, e.g. shoes" />
        </div>
        <button class="btn btn-default btn-medium" type="button" onClick={() => void search()}>
          Search categories
        </button>
      </div>
      {error && <p class="ql-field-error">{error}</p>}
      {problem && <Alert tone="error">{problem}</Alert>}
      {found && (
        <ul class="ql-items" aria-label="Categories found">
          {found.items.length === 0 && <li class="ql-items__item">No category matches.</li>}
          {found.items.map((category) => (
            <li class="ql-items__item" key={category.id}>
              <button class="ql-linklike" type="button" onClick={() => onChange([...picked.filter((p) => p.id !== category.id), { id: category.id, name: category.name }])}>
                {category.name} ({category.productCount})
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
