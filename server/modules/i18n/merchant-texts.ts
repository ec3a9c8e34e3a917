import type { Language, ProgramSettings } from "../settings/program-settings.js";

type Translated = { i18n?: Partial<Record<Language, Record<string, string | undefined>>> | undefined };

/** `T` without its translations; for a union (the kinds of reward), each member without them. */
type WithoutTranslations<T> = T extends unknown ? Omit<T, "i18n"> : never;

const given = (fields: Record<string, string | undefined> | undefined) => Object.fromEntries(Object.entries(fields ?? {}).filter(([, text]) => text !== undefined));

/** An item with its texts in `lang`: each field's translation when there is one, else the store language's. */
export function inLanguage<T extends Translated>(item: T, lang: Language, storeLang: Language): WithoutTranslations<T> {
  const { i18n, ...own } = item;
  return { ...own, ...given(i18n?.[storeLang]), ...given(i18n?.[lang]) } as WithoutTranslations<T>;
}

/** The merchant's program as a shopper reading `lang` sees it: challenge, badge, reward and tier texts in that language. */
export function programInLanguage(settings: ProgramSettings, lang: Language, storeLang: Language) {
  const translate = <T extends Translated>(items: T[]) => items.map((item) => inLanguage(item, lang, storeLang));
  return { ...settings, challenges: translate(settings.challenges), badges: translate(settings.badges), tiers: translate(settings.tiers), rewards: translate(settings.rewards) };
}
