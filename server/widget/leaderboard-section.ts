import type { StorefrontApi } from "./api.js";
import { h, muted, section } from "./dom.js";
import type { View } from "./sections.js";
import { errorText } from "./sign-in.js";
import type { Leaderboard } from "./types.js";

/**
 * The month's top members by points earned, by first name and initial only; the shopper's own rank; and the
 * switch that puts them on the board or takes them off (off until they choose), saying why when that fails.
 */
export function leaderboardSection({ f }: View, board: Leaderboard, api: StorefrontApi, changed: () => void): HTMLElement {
  const { top, me } = board;
  const error = h("p", { class: "err", role: "alert" });
  const toggle = h(
    "button",
    {
      type: "button",
      role: "switch",
      class: "sw",
      "aria-checked": String(!!me?.optedIn),
      onclick: () => {
        toggle.setAttribute("aria-busy", "true");
        void api.showOnLeaderboard(!me?.optedIn).then(changed, (caught) => {
          toggle.removeAttribute("aria-busy");
          error.textContent = errorText(f, caught);
        });
      },
    },
    f.t("leaderboard.join"),
  );
  return section(
    f.t("leaderboard.title"),
    muted(f.t("leaderboard.intro"), true),
    top.length > 0
      ? h(
          "ol",
          { class: "lb" },
          top.map((entry) => h("li", null, h("b", null, entry.rank), h("span", { class: "grow" }, entry.name), h("span", { class: "delta" }, f.points(entry.points)))),
        )
      : muted(f.t("leaderboard.empty")),
    me?.rank && muted(f.t("leaderboard.you", { rank: me.rank, points: f.points(me.points) })),
    toggle,
    error,
  );
}
