import type { Tone } from "./ui/alert.js";

export interface PageMessage {
  title: string;
  text: string;
  tone: Tone;
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
  failed: (text: string): PageMessage => ({ title: "Questline could not open your dashboard", text, tone: "error" }),
  unavailable: (text: string): PageMessage => ({ title: "Your loyalty data could not be read", text, tone: "error" }),
} satisfies Record<string, PageMessage | ((text: string) => PageMessage)>;
