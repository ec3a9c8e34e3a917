import { byId, el, showAlert } from "./dom.js";
import { actorLabel, describeAudit } from "./labels.js";
import { createPager } from "./pager.js";

const PAGE_SIZE = 10;

/** The Activity area: the store's audit log, newest first, each line linking to its member. */
export function createActivity({ api, fmt, onOpenMember }) {
  const list = byId("activity-list");
  const status = byId("activity-status");
  const error = byId("activity-error");
  const pager = createPager(byId("activity-pager"), { onPage: (offset) => load(offset) });
  let offset = 0;
  let seq = 0;

  function item(entry) {
    const { title, lines, memberId } = describeAudit(entry, fmt);
    const time = el("time", { datetime: entry.createdAt }, fmt.dateTime(entry.createdAt));
    return el(
      "li",
      { class: "ql-activity__item", "data-audit-id": entry.id },
      el("div", { class: "ql-activity__main" }, el("div", { class: "ql-activity__title" }, title), ...lines.map((text) => el("div", { class: "ql-activity__line" }, text))),
      el(
        "div",
        { class: "ql-activity__meta" },
        el("span", {}, actorLabel(entry.actor)),
        time,
        memberId ? el("button", { type: "button", class: "ql-linklike", onclick: () => onOpenMember(memberId) }, "View member") : null,
      ),
    );
  }

  async function load(nextOffset = offset) {
    const mine = ++seq;
    offset = nextOffset;
    showAlert(error, "");
    try {
      const page = await api.audit({ limit: PAGE_SIZE, offset });
      if (mine !== seq) return;
      list.replaceChildren(...page.items.map(item));
      pager.update({ offset, limit: PAGE_SIZE, total: page.total });
      status.textContent = page.total === 0 ? "Nothing yet. Adjustments you make to members' points will be listed here." : "";
    } catch (err) {
      if (mine === seq) showAlert(error, err.message);
    }
  }

  return { load, refresh: () => load(0) };
}
