import { copyField } from "./copy-field.js";
import { h, item, muted, section, titled, type Child } from "./dom.js";
import type { Format } from "./format.js";
import type { View } from "./sections.js";
import type { Me, RedemptionView, Reward } from "./types.js";

/** What the last redemption came to: the redemption as the server has it now, or the words of a refusal. */
export interface Outcome {
  reward: Reward | undefined;
  redemption?: RedemptionView;
  refusal?: string;
}

const kindOf = (view: View, rewardId: string) => view.program.rewards.find((reward) => reward.id === rewardId);

/** A coupon's code with a copy button, its expiry, and (once per list) how to use it at checkout. */
function coupon(view: View, code: string, expiresAt: string, howTo: boolean): Child[] {
  const { f } = view;
  return [copyField(view, code, f.t("coupon.code"), "coupon"), howTo && muted(f.t("coupon.how"), true), muted(f.t("coupon.expires", { date: f.date(expiresAt) }), true)];
}

/** A donation thanks, an experience says the shop will be in touch. */
function aftercare(f: Format, reward: Reward | undefined, redemption: RedemptionView): string | null {
  if (reward?.kind === "donation") return f.t("redeem.donation", { cause: reward.cause });
  if (reward?.kind === "experience") return redemption.status === "fulfilled" ? null : f.t("redeem.experience", { reward: redemption.rewardName });
  return null;
}

/** The card at the top after Redeem: focus moves to it, so the shopper hears what came of it. */
export function outcomeCard(view: View, { reward, redemption, refusal }: Outcome): HTMLElement {
  const { f } = view;
  let title = f.t("redeem.refused", { reward: reward?.name ?? "" });
  let content: Child[] = [h("p", { class: "err" }, refusal)];
  // The words go in a <p>: an experience's "we'll be in touch", a donation's thanks.
  if (redemption) {
    const { status, coupon: issued } = redemption;
    title = f.t(status === "pending" ? "redeem.making" : status === "released" ? "redeem.released" : issued ? "redeem.ready" : "redeem.thanks");
    content =
      status === "pending"
        ? [muted(f.t("redeem.held"))]
        : status === "released"
          ? [muted(f.t("redeem.back"))]
          : [issued && coupon(view, issued.code, issued.expiresAt, true), aftercare(f, reward, redemption)];
  }
  return titled({ class: "card res", tabindex: -1 }, title, content);
}

/** The shopper's redemptions, newest first, with their status; an issued coupon's code is there to copy again. */
export function redemptionsSection(view: View, me: Me): HTMLElement | null {
  const { f } = view;
  if (me.redemptions.length === 0) return null;
  let howTo = true;
  const items = me.redemptions.map((redemption) => {
    const reward = kindOf(view, redemption.rewardId);
    const group = reward?.kind === "donation" || reward?.kind === "experience" ? reward.kind : "coupon";
    const { status, coupon: issued } = redemption;
    const live = status === "issued" && issued;
    const words = aftercare(f, reward, redemption);
    const shown = live && coupon(view, issued.code, issued.expiresAt, howTo);
    if (live) howTo = false;
    return item(
      h(
        "div",
        { class: "grow" },
        h("div", { class: "tt" }, redemption.rewardName),
        muted(`${f.points(redemption.points)} · ${f.date(redemption.createdAt)}`, true),
        status === "issued" && words && muted(words, true),
      ),
      h("span", { class: status === "issued" ? "chip on" : "chip" }, f.t(`status.${group}.${status}`) || f.t(`status.${status}`)),
      shown && h("div", { class: "full" }, shown),
    );
  });
  return section(f.t("redemptions.title"), h("ul", null, items));
}
