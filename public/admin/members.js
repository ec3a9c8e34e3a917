import { byId, el, showAlert } from "./dom.js";
import { memberLabel } from "./labels.js";
import { createPager } from "./pager.js";

const PAGE_SIZE = 20;

/** The Members list: email search, a page of members, paging. Opening a member is the caller's job. */
export function createMembersList({ api, fmt, onOpen }) {
  const root = byId("members-list");
  const form = byId("member-search");
  const input = byId("member-email");
  const body = byId("members-body");
  const status = byId("members-status");
  const error = byId("members-error");
  const pager = createPager(byId("members-pager"), { onPage: (offset) => load({ ...current, offset }) });
  let current = { email: "", offset: 0 };
  let seq = 0;

  function row(member) {
    const open = () => onOpen(member.id, member);
    const name = el("button", { type: "button", class: "ql-linklike", onclick: open }, memberLabel(member));
    const stats = member.stats ?? {};
    return el(
      "tr",
      { class: "ql-row-link", "data-member-id": member.id, onclick: (event) => event.target === name || open() },
      el("th", { scope: "row", "data-label": "Email" }, name),
      el("td", { class: "ql-num ql-strong", "data-label": "Balance" }, fmt.count(member.balance)),
      el("td", { class: "ql-num", "data-label": "Paid orders" }, fmt.count(stats.paidOrders ?? 0)),
      el("td", { class: "ql-num", "data-label": "Lifetime spend" }, fmt.money(stats.lifetimeSpendMinor ?? 0)),
      el("td", { "data-label": "Joined" }, fmt.date(member.createdAt)),
    );
  }

  async function load(next = current) {
    const mine = ++seq;
    current = next;
    showAlert(error, "");
    status.textContent = "Loading members…";
    try {
      const page = await api.members({ email: current.email, limit: PAGE_SIZE, offset: current.offset });
      if (mine !== seq) return;
      body.replaceChildren(...page.items.map(row));
      pager.update({ offset: current.offset, limit: PAGE_SIZE, total: page.total });
      status.textContent = summary(page.total);
    } catch (err) {
      if (mine !== seq) return;
      status.textContent = "";
      showAlert(error, err.message);
    }
  }

  function summary(total) {
    if (total === 0) return current.email ? `No member's email starts with “${current.email}”.` : "No members yet. Shoppers join when they place an order.";
    const noun = total === 1 ? "member" : "members";
    return current.email ? `${fmt.count(total)} ${noun} matching “${current.email}”` : `${fmt.count(total)} ${noun}`;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void load({ email: input.value.trim(), offset: 0 });
  });

  return {
    load,
    refresh: () => load(current),
    show(visible) {
      root.hidden = !visible;
    },
    focusMember(memberId) {
      const button = body.querySelector(`tr[data-member-id="${CSS.escape(memberId)}"] .ql-linklike`);
      (button ?? input).focus();
    },
  };
}
