import { LANGUAGES, type Language } from "../settings/program-settings.js";

/** Maps a storefront language (`nl`, `nl-NL`, `no`, `nb_NO`...) to one Questline speaks; English otherwise. */
export function resolveLanguage(input: unknown): Language {
  if (typeof input !== "string") return "en";
  const base = input.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  const mapped = base === "no" || base === "nn" ? "nb" : base;
  return (LANGUAGES as readonly string[]).includes(mapped) ? (mapped as Language) : "en";
}

/** A language's texts with the merchant's overrides on top; English fills any gap. */
export function textsFor(catalog: Record<Language, Record<string, string>>, lang: Language, overrides: Partial<Record<Language, Record<string, string>>>): Record<string, string> {
  return { ...catalog.en, ...catalog[lang], ...(overrides[lang] ?? {}) };
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
}
