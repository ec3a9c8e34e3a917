import { byId, setText } from "./dom.js";

const TONES = ["info", "warning", "error", "success"];

/** Replaces the dashboard with one message (signed out, session ended, nothing to show). */
export function showPageMessage({ title, text, tone = "info" }) {
  const alert = byId("page-message");
  alert.classList.remove(...TONES.map((t) => `alert-${t}`));
  alert.classList.add(`alert-${tone}`);
  alert.setAttribute("role", tone === "error" ? "alert" : "status");
  setText("page-message-title", title);
  setText("page-message-text", text);
  alert.hidden = false;
  byId("page-loading").hidden = true;
  byId("page-notice").hidden = false;
  byId("dashboard").hidden = true;
  byId("app").setAttribute("aria-busy", "false");
}

export function showDashboard() {
  byId("page-notice").hidden = true;
  byId("dashboard").hidden = false;
  byId("app").setAttribute("aria-busy", "false");
}

export const MESSAGES = {
  missing: {
    title: "Open Questline from your Ecwid admin",
    text: "This page runs inside your Ecwid control panel, which tells it which store you are. Sign in to Ecwid and open Discounts → Questline.",
    tone: "info",
  },
  unreadable: {
    title: "Open Questline from your Ecwid admin",
    text: "The link that opened this page is incomplete or damaged, so Questline cannot tell which store you are. Open it again from Discounts → Questline in Ecwid.",
    tone: "warning",
  },
  expired: {
    title: "Your session has ended",
    text: "Dashboard sessions last an hour. Reopen Questline from your Ecwid admin to carry on; nothing you saved is lost.",
    tone: "warning",
  },
  failed: (message) => ({ title: "Questline could not open your dashboard", text: message, tone: "error" }),
  unavailable: (message) => ({ title: "Your loyalty data could not be read", text: message, tone: "error" }),
};
