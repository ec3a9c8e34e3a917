import { useState } from "preact/hooks";
import { ApiError, type CatalogProductPage } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "./alert.js";
import { TextField } from "./field.js";

type Product = CatalogProductPage["items"][number];

const LIMIT = 10;

/**
 * Searches the store's products through Ecwid. With `onPick` each result is a button that picks it (the
 * product pickers of builders); without, the results are a list. A store installed before Questline asked
 * for `read_catalog` gets the one link that grants it. `error`, the server's message about the pick, sits under the search field.
 */
export function CatalogSearch({ label, onPick, error }: { label: string; onPick?: (product: Product) => void; error?: string | undefined }) {
  const { api, fmt } = useDashboard();
  const [q, setQ] = useState("");
  const [page, setPage] = useState<CatalogProductPage | null>(null);
  const [problem, setProblem] = useState<{ message: string; grantUrl?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    setBusy(true);
    try {
      setPage(await api.products({ q: q.trim(), limit: LIMIT }));
      setProblem(null);
    } catch (error) {
      const grantUrl = error instanceof ApiError && error.code === "scope_missing" && typeof error.body.grantUrl === "string" ? error.body.grantUrl : undefined;
      setProblem({ message: (error as Error).message, grantUrl });
    } finally {
      setBusy(false);
    }
  }

  const fields = (
    <div class="ql-toolbar__grow">
      <TextField label={label} value={q} onInput={setQ} maxLength={100} placeholder="Name or SKU, e.g. tent" />
    </div>
  );
  const line = (product: Product) => `${product.name}${product.sku ? ` · ${product.sku}` : ""} · ${fmt.money(product.priceMinor)}${product.enabled ? "" : " · hidden"}`;

  return (
    <div class="ql-catalog">
      {onPick ? (
        // A picker sits inside the builder's form, and forms do not nest: Enter searches here instead of saving.
        <div
          class="ql-toolbar"
          role="search"
          aria-label="Product search"
          onKeyDown={(event) => {
            if (event.key !== "Enter" || !(event.target instanceof HTMLInputElement)) return;
            event.preventDefault();
            if (!busy) void search();
          }}
        >
          {fields}
          <button class="btn btn-default btn-medium" type="button" disabled={busy} onClick={() => void search()}>
            Search
          </button>
        </div>
      ) : (
        <form
          class="ql-toolbar"
          role="search"
          aria-label="Search the catalog"
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void search();
          }}
        >
          {fields}
          <button class="btn btn-default btn-medium" type="submit" disabled={busy}>
            Search
          </button>
        </form>
      )}
      {error && <p class="ql-field-error">{error}</p>}
      {problem && (
        <Alert tone={problem.grantUrl ? "warning" : "error"} title={problem.grantUrl ? "Questline may not read your catalog yet" : undefined}>
          {problem.message}{" "}
          {problem.grantUrl && (
            <a href={problem.grantUrl} target="_top">
              Allow catalog access in Ecwid
            </a>
          )}
        </Alert>
      )}
      {page && (
        <>
          <p class="ql-status" role="status">
            {page.total === 0
              ? "No product matches."
              : `${fmt.count(page.total)} ${page.total === 1 ? "product" : "products"}${page.total > LIMIT ? `, the first ${LIMIT} shown` : ""}`}
          </p>
          <ul class="ql-items" aria-label="Products found">
            {page.items.map((product) => (
              <li class="ql-items__item" key={product.id}>
                {onPick ? (
                  <button class="ql-linklike" type="button" onClick={() => onPick(product)}>
                    {line(product)}
                  </button>
                ) : (
                  <span>{line(product)}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
