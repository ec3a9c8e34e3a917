import { copyField } from "./copy-field.js";
import { h, muted, section, type Child } from "./dom.js";
import { fill } from "./format.js";
import { offerWords } from "./referral-welcome.js";
import type { View } from "./sections.js";
import type { Me, ShopperReferral } from "./types.js";

/** Where each share button sends the link: `{u}` the link with its channel, `{t}` the message, `{m}` the share card, `{s}` the shop. */
const SHARES: [channel: string, url: string][] = [
  ["facebook", "https://www.facebook.com/sharer/sharer.php?u={u}"],
  ["x", "https://x.com/intent/tweet?url={u}&text={t}"],
  ["whatsapp", "https://api.whatsapp.com/send?text={t}%20{u}"],
  ["telegram", "https://t.me/share/url?url={u}&text={t}"],
  ["pinterest", "https://pinterest.com/pin/create/button/?url={u}&media={m}&description={t}"],
  ["linkedin", "https://www.linkedin.com/sharing/share-offsite/?url={u}"],
  ["email", "mailto:?subject={s}&body={t}%20{u}"],
];

const STATS = ["clicks", "friendsOrdered", "pending", "paid"] as const;

/**
 * A signed-in member's ambassador side: what friends get and what they earn, their link to copy, share buttons
 * (each link names its channel), a QR code on demand, their numbers and the next level. A blocked ambassador
 * reads a calm note instead of the ways to share.
 */
export function referralSection(view: View, me: Me, api: string): HTMLElement | null {
  const { program, f } = view;
  const mine = me.referral;
  const { enabled, friendOffer, ambassadorReward: reward, holdDays } = program.referral;
  if (!enabled || !mine) return null;
  const { stats, level } = mine;
  // Only channels that brought a visit are listed by the server.
  const byChannel = Object.entries(stats.clicksByChannel).map(([channel, clicks]) => `${f.t(`channel.${channel}`)} ${clicks}`);
  return section(
    f.t("referral.title"),
    friendOffer && h("p", null, offerWords(f, friendOffer, "referral.gives")),
    reward && h("p", { class: "earn" }, f.t("referral.earn", { reward: reward.kind === "points" ? f.points(reward.points) : reward.name })),
    holdDays > 0 && muted(f.plural("referral.hold", holdDays), true),
    mine.blocked ? h("p", { class: "card" }, f.t("referral.blocked")) : sharing(view, mine, api),
    // Tiles like the badges': the number, then what it counts.
    h(
      "ul",
      { class: "badges" },
      STATS.map((key) => h("li", { class: "badge" }, h("b", { class: "big" }, f.number(stats[key])), muted(f.t(`referral.${key}`), true))),
    ),
    byChannel[0] && muted(f.t("referral.by_channel", { list: byChannel.join(" · ") }), true),
    level.current && h("p", { class: "chip on" }, level.current.name),
    level.next && muted(f.plural("referral.next", level.next.referralsNeeded, { level: level.next.name }), true),
  );
}

function sharing(view: View, mine: ShopperReferral, api: string): Child[] {
  const { program, f } = view;
  const message = f.t("referral.message", { store: program.storeName });
  const via = (channel: string) => `${mine.link}?ch=${channel}`;
  const encoded = { t: encodeURIComponent(message), m: encodeURIComponent(`${api}/share-card.png`), s: encodeURIComponent(program.storeName) };
  return [
    copyField(view, via("copy"), f.t("referral.link"), "referral"),
    h(
      "div",
      { class: "shares" },
      "share" in navigator &&
        h("button", { type: "button", class: "share", onclick: () => void navigator.share({ text: message, url: via("share") }).catch(() => undefined) }, f.t("referral.share")),
      SHARES.map(([channel, template]) =>
        h("a", { class: "share", href: fill(template, { ...encoded, u: encodeURIComponent(via(channel)) }), target: "_blank", rel: "noreferrer" }, f.t(`channel.${channel}`)),
      ),
    ),
    muted(f.t(mine.couponReady ? "referral.code" : "referral.code_pending", { code: mine.code }), true),
    // Fetched only once opened (a lazy image in a closed <details> is not rendered): most members never ask for it.
    h("details", null, h("summary", null, f.t("referral.qr_show")), h("img", { src: mine.qrUrl, alt: f.t("referral.qr_alt"), width: 168, height: 168, loading: "lazy" })),
  ];
}
