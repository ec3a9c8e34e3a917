import { bindAdjustForm } from "./adjust-form.js";
import { byId, el, setText, showAlert } from "./dom.js";
import { actorLabel, ledgerKindLabel, memberLabel } from "./labels.js";
import { createPager } from "./pager.js";

const PAGE_SIZE = 10;

/** One member: headline figures, the adjustment form and the points history (the ledger). */
export function createMemberDetail({ api, fmt, onBack, onChanged }) {
  const root = byId("member-detail");
  const body = byId("ledger-body");
  const error = byId("ledger-error");
  const pager = createPager(byId("ledger-pager"), { onPage: (offset) => loadLedger(offset) });
  let memberId = null;
  let seq = 0;

  const form = bindAdjustForm({
    api,
    fmt,
    memberId: () => memberId,
    onAdjusted: (result) => {
      setText("member-balance", fmt.count(result.balance));
      void loadLedger(0);
      onChanged();
    },
  });

  function showMember(member) {
    const stats = member.stats ?? {};
    setText("member-title", memberLabel(member));
    setText("member-balance", fmt.count(member.balance));
    setText("member-orders", fmt.count(stats.paidOrders ?? 0));
    setText("member-spend", fmt.money(stats.lifetimeSpendMinor ?? 0));
    setText("member-joined", fmt.date(member.createdAt));
  }

  function line(entry) {
    const tone = entry.delta > 0 ? "ql-delta--up" : entry.delta < 0 ? "ql-delta--down" : "";
    return el(
      "tr",
      { "data-entry-id": entry.id },
      el("td", { "data-label": "When" }, fmt.dateTime(entry.createdAt)),
      el("td", { class: `ql-num ql-delta ${tone}`, "data-label": "Points" }, fmt.signedPoints(entry.delta)),
      el("td", { "data-label": "Kind" }, el("span", { class: `ql-tag ql-tag--${entry.kind}` }, ledgerKindLabel(entry.kind))),
      el("td", { class: "ql-wrap", "data-label": "Note" }, entry.note || "—"),
      el("td", { class: "ql-wrap", "data-label": "By" }, actorLabel(entry.actor)),
    );
  }

  async function loadLedger(offset) {
    const mine = ++seq;
    const id = memberId;
    showAlert(error, "");
    try {
      const page = await api.ledger(id, { limit: PAGE_SIZE, offset });
      if (mine !== seq) return;
      showMember(page.member);
      body.replaceChildren(...(page.items.length ? page.items.map(line) : [emptyRow()]));
      pager.update({ offset, limit: PAGE_SIZE, total: page.total });
    } catch (err) {
      if (mine === seq) showAlert(error, err.message);
    }
  }

  const emptyRow = () => el("tr", {}, el("td", { colspan: "5", class: "ql-empty" }, "No points yet."));

  byId("member-back").addEventListener("click", () => onBack(memberId));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !root.hidden) onBack(memberId);
  });

  return {
    /** Shows the member at once when the caller already has it, then loads the fresh record and history. */
    async open(id, known) {
      memberId = id;
      form.reset();
      body.replaceChildren();
      if (known) showMember(known);
      else ["member-title", "member-balance", "member-orders", "member-spend", "member-joined"].forEach((n) => setText(n, "…"));
      root.hidden = false;
      byId("member-title").focus();
      await loadLedger(0);
    },
    close() {
      root.hidden = true;
      memberId = null;
    },
  };
}
