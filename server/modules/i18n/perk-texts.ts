import type { Language } from "../settings/program-settings.js";

/**
 * The words of a tier's perk lines (`tier-perks.rules.ts`), per language; English fills gaps. Points are said with
 * the widget's `points.one`/`points.other` (the merchant's overrides included), money as the shop's currency.
 */
export const PERK_TEXTS: Record<Language, Record<string, string>> = {
  en: {
    "perk.rate": "{points} per {amount}",
    "perk.birthday": "{points} on your birthday",
    "perk.unlocks": "Unlocks: {rewards}",
    "perk.group": "Member prices at checkout",
  },
  nl: {
    "perk.rate": "{points} per {amount}",
    "perk.birthday": "{points} op je verjaardag",
    "perk.unlocks": "Ontgrendelt: {rewards}",
    "perk.group": "Ledenprijzen bij het afrekenen",
  },
  de: {
    "perk.rate": "{points} pro {amount}",
    "perk.birthday": "{points} zum Geburtstag",
    "perk.unlocks": "Schaltet frei: {rewards}",
    "perk.group": "Mitgliederpreise an der Kasse",
  },
  nb: {
    "perk.rate": "{points} per {amount}",
    "perk.birthday": "{points} på bursdagen din",
    "perk.unlocks": "Låser opp: {rewards}",
    "perk.group": "Medlemspriser i kassen",
  },
};
