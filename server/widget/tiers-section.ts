import { h, item, muted, need, section, type Child } from "./dom.js";
import type { View } from "./sections.js";
import { basisText, changeText, heldText, keepText, tierAmount } from "./tier-words.js";
import type { Me } from "./types.js";

/**
 * The ladder, for every shopper: what each tier takes (in the ladder's metric, over its window) and its perks as
 * the server says them from the rules. Signed in, first the shopper's own tier (see `standing`), which the ladder
 * marks in words, not colour alone; then their last changes, the reasons in words.
 */
export function tiersSection(view: View, me?: Me): HTMLElement | null {
  const { program, f } = view;
  const { tiers, tierRules } = program;
  if (tiers.length === 0) return null;
  const items = tiers.map((tier) => {
    const mine = tier.id === me?.tier.current?.id;
    return h(
      "li",
      { class: "it", "aria-current": mine && "true" },
      h(
        "div",
        { class: "grow" },
        h("div", { class: "tt" }, tier.name, mine && [" ", h("span", { class: "chip on" }, f.t("tier.title"))]),
        tier.perkLines.map((line) => muted(line, true)),
      ),
      h("span", { class: "chip" }, tier.inviteOnly ? f.t("tier.invite") : f.t("tier.from", { amount: tierAmount(f, tierRules.metric, tier.threshold) })),
    );
  });
  const changes = me?.tier.changes ?? [];
  return section(
    f.t(me ? "tier.title" : "tiers.title"),
    me && standing(view, me),
    muted(basisText(f, tierRules), true),
    h("ul", null, items),
    changes.length > 0 &&
      h(
        "details",
        null,
        h("summary", null, f.t("tier.changes")),
        h(
          "ul",
          null,
          changes.map((change) => item(muted(`${changeText(f, program, change)} · ${f.date(change.at)}`, true))),
        ),
      ),
  );
}

/**
 * How the shopper holds their tier (its name is in the header and marked in the ladder), how far the next is, and
 * what keeping it takes by when (in grace, a warning).
 */
function standing({ program, f }: View, { tier }: Me): Child[] {
  const { current, next, amount, metric } = tier;
  const held = current && heldText(f, program, current);
  const keep = keepText(f, tier);
  return [
    held && muted(held),
    next ? need(next.name, amount, next.threshold, f.t(`tier.next.${metric}`, { amount: tierAmount(f, metric, next.needed), tier: next.name })) : current && muted(f.t("tier.top")),
    keep && (tier.keep?.grace ? h("p", { class: "err warn" }, keep) : muted(keep, true)),
  ];
}
