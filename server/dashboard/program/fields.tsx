import type { Language } from "../../modules/settings/program-settings.js";
import type { Formatters } from "../format.js";
import { TextField } from "../ui/field.js";

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", nl: "Dutch", de: "German", nb: "Norwegian" };
const ALL: Language[] = ["en", "nl", "de", "nb"];

/** The languages a text may be translated into: all but the store's own, in which the item's fields are written. */
export const otherLanguages = (storeLang: string) => ALL.filter((lang) => lang !== storeLang);

/**
 * A number field's text as the API should see it: a number when it is one, else the text itself, so the
 * server refuses it with its own message beside the field.
 */
export const numberOrText = (text: string): number | string => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

/** Money typed in major units ("12.50") as minor units, or the text itself when it is not an amount. */
export const moneyOrText = (fmt: Formatters, text: string): number | string => {
  const typed = fmt.fromAmountText(text);
  return "minor" in typed ? typed.minor : text;
};

export type Translations = Partial<Record<Language, string>>;

/** One text's translations out of an item's `i18n` (`{ nl: { title: "Lente" } }` → `{ nl: "Lente" }`). */
export const translationsOf = (i18n: Partial<Record<Language, Record<string, string | undefined> | undefined>> | undefined, field: string): Translations =>
  Object.fromEntries(Object.entries(i18n ?? {}).map(([lang, texts]) => [lang, texts?.[field] ?? ""]));

/** `{ nl: { title: "Lente" } }` from the filled-in translation fields of one text. */
export function i18nOf(fields: Record<string, Translations>) {
  const out: Partial<Record<Language, Record<string, string>>> = {};
  for (const [field, byLang] of Object.entries(fields)) {
    for (const [lang, value] of Object.entries(byLang) as [Language, string][]) {
      if (value.trim()) out[lang] = { ...out[lang], [field]: value };
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** One translation field per other language for one text ("Title in Dutch"). */
export function TranslationFields({
  label,
  field,
  storeLang,
  values,
  onInput,
  issue,
}: {
  label: string;
  field: string;
  storeLang: string;
  values: Translations;
  onInput: (values: Translations) => void;
  issue: (...path: (string | number)[]) => string | undefined;
}) {
  return (
    <>
      {otherLanguages(storeLang).map((lang) => (
        <TextField
          key={lang}
          label={`${label} in ${LANGUAGE_NAMES[lang]}`}
          value={values[lang] ?? ""}
          onInput={(value) => onInput({ ...values, [lang]: value })}
          error={issue("i18n", lang, field)}
        />
      ))}
    </>
  );
}
