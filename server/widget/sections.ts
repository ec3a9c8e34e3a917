import { bar, h, item, muted, need, section } from "./dom.js";
import type { Format } from "./format.js";
import { copyField } from "./copy-field.js";
import { AWARD, CHECK, LOCK, SHARE, icon } from "./icons.js";
import type { Goal, Me, Program } from "./types.js";

/** The panel's sections, each drawn from the public program and, once signed in, the shopper's standing. */
export interface View {
  program: Program;
  f: Format;
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

function goalText(f: Format, kind: Goal["kind"], progress: number, target: number): string {
  return kind === "orders"
    ? f.t("goal.orders", { progress: f.number(progress), target: f.number(target) })
    : f.t("goal.spend", { progress: f.money(progress), target: f.money(target) });
}

export function challengesSection({ program, f }: View, me?: Me): HTMLElement | null {
  if (program.challenges.length === 0) return null;
  const items = program.challenges.map((challenge) => {
    const standing = me?.challenges.find((entry) => entry.id === challenge.id);
    const text = standing && goalText(f, challenge.goal.kind, standing.progress, standing.target);
    return item(
      h(
        "div",
        { class: "grow" },
        h("div", { class: "tt" }, challenge.title),
        challenge.description && muted(challenge.description),
        standing && !standing.completed && text && [bar(standing.progress, standing.target, challenge.title, text), h("div", { class: "muted sm" }, text)],
      ),
      standing?.completed ? h("span", { class: "chip on" }, icon(CHECK), f.t("challenge.done")) : h("span", { class: "chip" }, `+${f.points(challenge.points)}`),
    );
  });
  return section(f.t("challenges.title"), h("ul", null, items));
}

export function tiersSection({ program, f }: View): HTMLElement | null {
  if (program.tiers.length === 0) return null;
  const items = program.tiers.map((tier) =>
    item(
      h("div", { class: "grow" }, h("div", { class: "tt" }, tier.name), tier.perks && muted(tier.perks)),
      h("span", { class: "chip" }, f.t("tier.from", { amount: f.money(tier.thresholdMinor) })),
    ),
  );
  return section(f.t("tiers.title"), h("ul", null, items));
}

export function tierSection({ program, f }: View, me: Me): HTMLElement | null {
  if (program.tiers.length === 0) return null;
  const { current, next, spendMinor } = me.tier;
  const perks = program.tiers.find((tier) => tier.id === current?.id)?.perks;
  const progress = next
    ? need(next.name, spendMinor, next.thresholdMinor, f.t("tier.next", { amount: f.money(next.thresholdMinor - spendMinor), tier: next.name }))
    : muted(f.t("tier.top"));
  return section(f.t("tier.title"), h("div", { class: "tier" }, h("div", { class: "tt big" }, current ? current.name : f.t("tier.none")), perks && muted(perks), progress));
}

export function badgesSection({ program, f }: View, me: Me): HTMLElement | null {
  if (program.badges.length === 0) return null;
  const items = program.badges.map((badge) => {
    const earned = me.badges.some((entry) => entry.id === badge.id && entry.earned);
    return h(
      "li",
      { class: earned ? "badge on" : "badge" },
      h("span", { class: "medal" }, icon(earned ? AWARD : LOCK)),
      h("div", { class: "grow" }, h("div", { class: "tt" }, badge.name), h("div", { class: "muted sm" }, f.t(earned ? "badge.earned" : "badge.locked"))),
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

/** Only when the merchant runs referrals and the server gave this shopper a link. */
export function referralSection({ program, f }: View, me: Me): HTMLElement | null {
  const url = me.referral?.link;
  if (!program.referral.enabled || !url || !/^https?:\/\//.test(url)) return null;
  const message = f.t("referral.message", { store: program.storeName });
  const out = (href: string, label: string) => h("a", { class: "share", href, target: "_blank", rel: "noopener noreferrer" }, label);
  const text = encodeURIComponent(`${message} ${url}`);
  return section(
    f.t("referral.title"),
    muted(f.t("referral.intro")),
    copyField(f, url, { label: f.t("referral.link"), copy: f.t("referral.copy"), copied: f.t("referral.copied") }, true),
    h(
      "div",
      { class: "shares" },
      "share" in navigator &&
        h("button", { type: "button", class: "share", onclick: () => void navigator.share({ text: message, url }).catch(() => undefined) }, icon(SHARE), f.t("referral.share")),
      out(`mailto:?subject=${encodeURIComponent(program.storeName)}&body=${text}`, f.t("referral.email")),
      out(`https://wa.me/?text=${text}`, "WhatsApp"),
      out(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`, "Facebook"),
      out(`https://x.com/intent/post?text=${text}`, "X"),
    ),
  );
}
