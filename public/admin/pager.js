import { el } from "./dom.js";

/** Previous / next buttons with "21–40 of 57" between them; hidden when everything fits on one page. */
export function createPager(nav, { onPage }) {
  const prev = el("button", { type: "button", class: "btn btn-default btn-small" }, "Previous");
  const next = el("button", { type: "button", class: "btn btn-default btn-small" }, "Next");
  const range = el("span", { class: "ql-pager__range", "aria-live": "polite" });
  nav.replaceChildren(prev, range, next);
  let state = { offset: 0, limit: 20, total: 0 };
  prev.addEventListener("click", () => onPage(Math.max(0, state.offset - state.limit)));
  next.addEventListener("click", () => onPage(state.offset + state.limit));
  return {
    update(page) {
      state = page;
      const { offset, limit, total } = state;
      nav.hidden = total <= limit && offset === 0;
      range.textContent = total === 0 ? "" : `${offset + 1}–${Math.min(offset + limit, total)} of ${total}`;
      prev.disabled = offset === 0;
      next.disabled = offset + limit >= total;
    },
  };
}
