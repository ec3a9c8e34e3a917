import type { Goal, Language } from "../../modules/settings/program-settings.js";
import type { Formatters } from "../format.js";
import { SelectField, TextField } from "../ui/field.js";

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

/** "3 paid orders", "$500 spent"; other kinds by their name and target until the builder words them. */
export const goalWords = (fmt: Formatters, goal: Goal | null) => {
  if (!goal) return "Given by challenges";
  if (goal.kind === "spend") return `${fmt.moneyShort(goal.target)} spent`;
  if (goal.kind === "orders") return `${fmt.count(goal.target)} paid ${goal.target === 1 ? "order" : "orders"}`;
  return `${goal.kind.replace("_", " ")}: ${fmt.count(goal.target)}`;
};

export type GoalDraft = { kind: "orders" | "spend"; target: string };

export const goalDraft = (fmt: Formatters, goal: Goal | null | undefined): GoalDraft =>
  goal?.kind === "spend" ? { kind: "spend", target: fmt.toAmountText(goal.target) } : { kind: "orders", target: goal?.kind === "orders" ? String(goal.target) : "" };

export const goalBody = (fmt: Formatters, goal: GoalDraft) => ({ kind: goal.kind, target: goal.kind === "spend" ? moneyOrText(fmt, goal.target) : numberOrText(goal.target) });

type IssueOf = (...path: (string | number)[]) => string | undefined;

export function GoalFields({
  goal,
  onChange,
  issue,
  moneyIssue,
  fmt,
}: {
  goal: GoalDraft;
  onChange: (goal: GoalDraft) => void;
  issue: IssueOf;
  moneyIssue: (text: string, ...path: (string | number)[]) => string | undefined;
  fmt: Formatters;
}) {
  return (
    <>
      <SelectField
        label="Goal"
        value={goal.kind}
        options={[
          ["orders", "Number of paid orders"],
          ["spend", "Amount spent"],
        ]}
        onChange={(kind) => onChange({ ...goal, kind })}
        error={issue("goal", "kind")}
      />
      <TextField
        label={goal.kind === "spend" ? `Target (${fmt.currency})` : "Target orders"}
        inputMode={goal.kind === "spend" ? "decimal" : "numeric"}
        value={goal.target}
        onInput={(target) => onChange({ ...goal, target })}
        error={goal.kind === "spend" ? moneyIssue(goal.target, "goal", "target") : issue("goal", "target")}
        hint={goal.kind === "spend" ? "after discounts and refunds, without shipping and tax" : undefined}
      />
    </>
  );
}
