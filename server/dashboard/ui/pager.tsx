import type { Formatters } from "../format.js";

/** "1–20 of 57" with previous and next buttons; hidden when everything fits on one page. */
export function Pager({
  label,
  offset,
  limit,
  total,
  fmt,
  onPage,
}: {
  label: string;
  offset: number;
  limit: number;
  total: number;
  fmt: Formatters;
  onPage: (offset: number) => void;
}) {
  if (total <= limit) return null;
  return (
    <nav class="ql-pager" aria-label={label}>
      <button class="btn btn-default btn-small" type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span class="ql-pager__range">
        {fmt.count(offset + 1)}–{fmt.count(Math.min(offset + limit, total))} of {fmt.count(total)}
      </span>
      <button class="btn btn-default btn-small" type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
