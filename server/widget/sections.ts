import { goalText } from "./challenge-words.js";
import { h, item, muted, need, section, type Child } from "./dom.js";
import type { Format } from "./format.js";
import type { Me, PanelContext, Program } from "./types.js";

/** The panel's sections, each drawn from the public program and, once signed in, the shopper's standing. */
export interface View {
  program: Program;
  f: Format;
  /** The loader's icon maker (PanelContext), so the panel bundle carries no second copy. */
  icon: PanelContext["icon"];
}

export function earnSection({ program, f }: View): HTMLElement | null {
  const { points, perAmountMinor, minOrderMinor } = program.earning;
  if (points <= 0) return null;
  return section(
    f.t("earn.title"),
    h("p", { class: "earn" }, f.t("earn.rule", { points: f.points(points), amount: f.money(perAmountMinor) })),
    minOrderMinor > 0 && muted(f.t("earn.minimum", { amount: f.money(minOrderMinor) })),
  );
}

/**
 * Every badge with its icon: earned ones in the merchant's colours; a locked one says what it takes (its
 * milestone with how far the shopper is, or the challenge that gives it).
 */
export function badgesSection({ program, f, icon }: View, me: Me): HTMLElement | null {
  if (program.badges.length === 0) return null;
  const items = program.badges.map((badge) => {
    const standing = me.badges.find((entry) => entry.id === badge.id);
    const earned = standing?.earned;
    const by = program.challenges.find((challenge) => standing?.challengeIds.includes(challenge.id));
    let how: Child = muted(earned ? f.t("badge.earned") : by ? f.t("badge.by", { challenge: by.title }) : f.t("badge.locked"), true);
    if (!earned && standing?.goal) how = need(badge.name, standing.progress, standing.target, goalText(f, standing.goal, standing.progress, standing.target), true);
    return h(
      "li",
      { class: earned ? "badge on" : "badge" },
      h("span", { class: "medal" }, icon(program.icons[badge.icon] ?? "")),
      h("div", { class: "grow" }, h("div", { class: "tt" }, badge.name), how),
    );
  });
  return section(f.t("badges.title"), h("ul", { class: "badges" }, items));
}

export function activitySection({ f }: View, me: Me): HTMLElement | null {
  if (me.recentLedger.length === 0) return null;
  const items = me.recentLedger
    .slice(0, 5)
    .map((entry) =>
      item(
        h(
          "div",
          { class: "grow" },
          h("div", null, f.t(`ledger.${entry.kind}`) || entry.note),
          entry.note && f.t(`ledger.${entry.kind}`) ? h("div", { class: "sm" }, entry.note) : null,
          h("div", { class: "muted sm" }, f.date(entry.createdAt)),
        ),
        h("span", { class: entry.delta < 0 ? "delta neg" : "delta" }, `${entry.delta < 0 ? "−" : "+"}${f.number(Math.abs(entry.delta))}`),
      ),
    );
  return section(f.t("activity.title"), h("ul", null, items));
}
