import { ApiError, StorefrontApi } from "./api.js";
import { fill, h } from "./dom.js";
import { keepTabInside } from "./focus-trap.js";
import { leaderboardSection } from "./leaderboard-section.js";
import { createFormat } from "./format.js";
import { CLOSE } from "./icons.js";
import formsCss from "./panel-forms.css";
import css from "./panel.css";
import type { Redeemer } from "./redeem-control.js";
import { outcomeCard, redemptionsSection, type Outcome } from "./redemptions-section.js";
import { rewardsSection } from "./rewards-section.js";
import { challengeSections } from "./challenges-section.js";
import { referralSection } from "./referral-section.js";
import { welcomeCard } from "./referral-welcome.js";
import { activitySection, badgesSection, earnSection, type View } from "./sections.js";
import { tiersSection } from "./tiers-section.js";
import { errorText, signInCard } from "./sign-in.js";
import { taskOutcomeCard, type TaskOutcome, type Tasker } from "./task-forms.js";
import type { Leaderboard, Me, PanelContext, PanelHandle } from "./types.js";

/** Where panel.css makes the panel a bottom sheet that covers the page. */
const SHEET = "(max-width: 480px)";

/**
 * The panel: a non-modal dialog next to the launcher; on phones a modal bottom sheet that keeps Tab inside.
 * Focus moves to its heading on open and back to the launcher on close; Escape closes it. Signed out it
 * shows the program and the sign-in card; signed in, the shopper's standing, fetched afresh on every open.
 */
export function mountPanel(context: PanelContext): PanelHandle {
  const { root, launcher, dialog, program, ecwid, referral, icon } = context;
  context.addStyles(root, css + formsCss);
  const f = createFormat(program, ecwid);
  const view: View = { program, f, icon };
  const api = new StorefrontApi(context.api, program.storeId);

  const title = h("h2", { id: "ql-title", tabindex: -1 }, f.t("panel.title"));
  const summary = h("div", { class: "sum" });
  // A stop of its own, so the keyboard can scroll it in every browser (not all focus a scroller by themselves).
  const body = h("div", { class: "bd", tabindex: 0, role: "region", "aria-labelledby": "ql-title" });
  const footer = h("div", { class: "ft", hidden: true });
  // What came of a redemption, said once even when the panel redraws around it.
  const live = h("p", { class: "sr", "aria-live": "polite" });
  const closeButton = h("button", { type: "button", class: "x", "aria-label": f.t("panel.close"), onclick: () => handle.close(true) }, icon(CLOSE));
  dialog.className = "panel";
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-labelledby", "ql-title");
  const sheet = matchMedia(SHEET);
  const setModal = () => dialog.setAttribute("aria-modal", String(sheet.matches));
  sheet.addEventListener?.("change", setModal);
  dialog.append(h("div", { class: "hd" }, h("p", { class: "store" }, program.storeName), title, closeButton, summary), body, footer, live);
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      handle.close(true);
    } else if (sheet.matches) keepTabInside(dialog, root, event);
  });

  let showing: "guest" | "member" | null = null;
  const showGuest = (notice?: string) => {
    showing = "guest";
    fill(summary, h("p", { class: "intro" }, f.t("panel.intro", { store: program.storeName })));
    fill(
      body,
      notice && h("p", { class: "err", role: "alert" }, notice),
      referral && welcomeCard(view, referral.code),
      signInCard({ api, f, program, ecwid, onSignedIn: () => void refresh(true) }),
      earnSection(view),
      challengeSections(view),
      rewardsSection(view),
      tiersSection(view),
    );
    footer.hidden = true;
  };

  const showMember = (me: Me, board: Leaderboard | null) => {
    showing = "member";
    const now = outcome?.redemption && me.redemptions.find((redemption) => redemption.id === outcome!.redemption!.id);
    if (outcome && now && now.status !== outcome.redemption!.status) {
      outcome.redemption = now;
      live.textContent = f.t(now.status === "released" ? "redeem.released" : now.coupon ? "redeem.ready" : "redeem.thanks");
    }
    fill(footer, h("span", { class: "who" }, me.member.email ?? ""), h("button", { type: "button", class: "lnk", onclick: signOut }, f.t("signout")));
    footer.hidden = false;
    // Left out of the program by the merchant's holdout: a neutral note instead of it.
    if (me.member.heldOut) return (fill(summary, h("p", { class: "intro" }, f.t("holdout.note"))), fill(body));
    const [before = "", after = ""] = f.pointsTemplate(me.member.balance).split("{count}");
    fill(
      summary,
      h("p", { class: "lbl" }, f.t("balance.label")),
      h(
        "div",
        { class: "row" },
        h("p", { class: "bal" }, before, h("b", null, f.number(me.member.balance)), after),
        me.tier.current && h("p", { class: "level" }, me.tier.current.name),
      ),
      me.member.heldPoints > 0 && h("p", { class: "sm" }, f.t("balance.held", { points: f.points(me.member.heldPoints) })),
      me.expiring && h("p", { class: "sm" }, f.t("balance.expiring", { points: f.points(me.expiring.points), date: f.date(me.expiring.at) })),
    );
    fill(
      body,
      outcome && outcomeCard(view, outcome),
      task && taskOutcomeCard(view, task),
      // An ambassador trying their own link is no friend of theirs.
      referral && referral.code !== me.referral?.code && welcomeCard(view, referral.code),
      tiersSection(view, me),
      challengeSections(view, me, tasker),
      rewardsSection(view, { me, redeemer }),
      redemptionsSection(view, me),
      badgesSection(view, me),
      board && leaderboardSection(view, board, api, () => void refresh().then(() => body.querySelector<HTMLElement>(".sw")?.focus())),
      referralSection(view, me, context.api),
      activitySection(view, me),
    );
  };

  const showProblem = (error: unknown) => {
    showing = null;
    fill(body, h("p", { class: "err", role: "alert" }, errorText(f, error)), h("button", { type: "button", class: "btn", onclick: () => void refresh(true) }, f.t("retry")));
  };

  let outcome: Outcome | null = null;
  let task: TaskOutcome | null = null;
  let polls = 0;
  /** After a redemption or a task: the fresh standing, with what came of it on top and focus on it. */
  const settle = async (next: Outcome | null, nextTask: TaskOutcome | null = null) => {
    outcome = next;
    task = nextTask;
    polls = 0;
    live.textContent = "";
    await refresh();
    body.querySelector<HTMLElement>(".res")?.focus();
    poll();
  };
  /** A coupon still being made: look again a few times, further apart each time, while the panel is open. */
  const poll = () => {
    if (outcome?.redemption?.status !== "pending" || polls > 5) return;
    setTimeout(
      () => {
        if (!open || outcome?.redemption?.status !== "pending") return;
        const hadFocus = body.contains(root.activeElement);
        void refresh().then(() => {
          if (hadFocus && !body.contains(root.activeElement)) body.querySelector<HTMLElement>(".res")?.focus();
          poll();
        });
      },
      1500 * 2 ** polls++,
    );
  };
  const redeemer: Redeemer = {
    api,
    keys: new Map(),
    done: (reward, answer) => void settle({ reward, redemption: answer.redemption }),
    refused: (reward, refusal) => void settle({ reward, refusal }),
  };
  const tasker: Tasker = {
    api,
    done: (challenge, answer, note) => void settle(null, { challenge, answer, note }),
    refused: (challenge, refusal) => void settle(null, { challenge, refusal }),
  };

  function signOut() {
    outcome = task = null;
    api.token = null;
    showGuest();
    title.focus();
  }

  let generation = 0;
  async function refresh(focusTitle = false): Promise<void> {
    const current = ++generation;
    if (!api.token) {
      // A sign-in under way (the code step) survives closing and reopening the panel.
      if (showing !== "guest") showGuest();
      if (focusTitle) title.focus();
      return;
    }
    if (!body.firstChild) fill(body, h("p", { class: "muted", role: "status" }, f.t("loading")));
    body.setAttribute("aria-busy", "true");
    try {
      // The board is a second read, only where the merchant runs it; the panel shows without it if it fails.
      const [me, board] = await Promise.all([api.me(program.lang), program.leaderboard?.enabled ? api.leaderboard().catch(() => null) : null]);
      if (current === generation) showMember(me, board);
    } catch (error) {
      if (current !== generation) return;
      if (error instanceof ApiError && error.status === 401) showGuest(f.t("error.unauthorized"));
      else showProblem(error);
    } finally {
      body.removeAttribute("aria-busy");
    }
    if (focusTitle && current === generation) title.focus();
  }

  let open = false;
  const handle: PanelHandle = {
    get isOpen() {
      return open;
    },
    open() {
      open = true;
      setModal();
      dialog.hidden = false;
      launcher.setAttribute("aria-expanded", "true");
      title.focus();
      void refresh();
    },
    close(restoreFocus) {
      open = false;
      outcome = task = null;
      dialog.hidden = true;
      launcher.setAttribute("aria-expanded", "false");
      if (restoreFocus) launcher.focus();
    },
  };
  return handle;
}
