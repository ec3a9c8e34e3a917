import { lowestCost } from "../modules/rewards/reward-cost.rules.js";
import { ApiError, type StorefrontApi } from "./api.js";
import { fill, h, muted, nextId } from "./dom.js";
import { pointChoices, reasonOf, reasonText, requestKey, variableValue } from "./reward-words.js";
import type { View } from "./sections.js";
import { errorText } from "./sign-in.js";
import type { RedeemResponse, Reward } from "./types.js";

export interface Redeemer {
  api: StorefrontApi;
  /** The key of a confirmed click still without an answer, by reward: its retry sends it again, even after the panel redraws. */
  keys: Map<string, { key: string; points: number }>;
  /** Answered 201 (made, or done at once), 202 (being made) or 200 (the answer a repeated key had). */
  done(reward: Reward, answer: RedeemResponse & { status: number }): void;
  /** Refused in a way that changes what the panel should show (409, 401, 404): these words, then a fresh standing. */
  refused(reward: Reward, text: string): void;
}

/**
 * A Redeem button (with a choice of points for a variable reward) that asks first: what it costs and the
 * balance after, focus on the answer and back on the button when cancelled (Escape too).
 */
export function redeemControl({ f, program }: View, reward: Reward, balance: number, redeemer: Redeemer): HTMLElement {
  const area = h("div", { class: "act" });
  const choiceId = nextId();
  const choice =
    reward.kind === "variable"
      ? h(
          "select",
          { id: choiceId },
          pointChoices(reward, balance).map((points) =>
            h("option", { value: points }, f.t("redeem.option", { points: f.points(points), amount: f.money(variableValue(reward, points)) })),
          ),
        )
      : null;
  const start = h("button", { type: "button", class: "btn small", "aria-label": `${f.t("reward.redeem")}: ${reward.name}`, onclick: () => ask() }, f.t("reward.redeem"));
  const idle = [choice && h("label", { for: choiceId, class: "lbl" }, f.t("redeem.choose")), choice, start].filter((node) => node !== null);
  area.append(...idle);

  function ask() {
    const points = Number(choice?.value) || lowestCost(reward);
    const question = nextId();
    const error = h("p", { class: "err", role: "alert" });
    const cancel = () => {
      fill(area, ...idle);
      start.focus();
    };
    let busy = false;
    const confirm = async () => {
      if (busy) return;
      busy = true;
      yes.setAttribute("aria-busy", "true");
      error.textContent = "";
      const last = redeemer.keys.get(reward.id);
      const key = last && last.points === points ? last.key : requestKey();
      redeemer.keys.set(reward.id, { key, points });
      try {
        const answer = await redeemer.api.redeem(reward.id, reward.kind === "variable" ? points : undefined, key);
        redeemer.keys.delete(reward.id);
        redeemer.done(reward, answer);
      } catch (caught) {
        busy = false;
        yes.removeAttribute("aria-busy");
        const status = caught instanceof ApiError ? caught.status : 0;
        // A refusal, or Ecwid's answered no (the redemption released, its points back), is final: the next click is a new
        // request. No answer at all keeps the key, so the retry cannot buy twice.
        const final = (status >= 400 && status < 500) || (caught instanceof ApiError && caught.body?.redemption !== undefined);
        if (final) redeemer.keys.delete(reward.id);
        if (caught instanceof ApiError && (status === 401 || status === 404 || status === 409)) {
          const reason = reasonOf(caught.body);
          return redeemer.refused(reward, reason ? reasonText(f, program, reward, reason) : errorText(f, caught));
        }
        // The sign-in's words for a 429 speak of codes; here it is redemptions in a short time.
        error.textContent = status === 429 ? f.t("redeem.wait") : errorText(f, caught);
        if (!final) yes.textContent = f.t("retry");
      }
    };
    const yes = h("button", { type: "button", class: "btn small", onclick: () => void confirm() }, f.t("redeem.yes"));
    fill(
      area,
      h(
        "div",
        {
          class: "ask",
          role: "group",
          "aria-labelledby": question,
          onkeydown: (event) => {
            if ((event as KeyboardEvent).key !== "Escape") return;
            event.stopPropagation();
            cancel();
          },
        },
        h("p", { id: question, class: "tt" }, f.t("redeem.confirm", { points: f.points(points), reward: reward.name })),
        muted(f.t("redeem.after", { points: f.points(balance - points) }), true),
        h("div", { class: "row" }, yes, h("button", { type: "button", class: "lnk", onclick: cancel }, f.t("redeem.cancel"))),
        error,
      ),
    );
    yes.focus();
  }
  return area;
}
