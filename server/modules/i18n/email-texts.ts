import type { Language } from "../settings/program-settings.js";

/** The sign-in email, per language; `{store}`, `{code}` and `{minutes}` are filled in. Merchants may override any key. */
export const EMAIL_TEXTS: Record<Language, Record<string, string>> = {
  en: {
    "email.code.subject": "Your {store} rewards code: {code}",
    "email.code.body":
      "Hello,\n\nYour code to see your {store} rewards is {code}.\nIt works for {minutes} minutes. If you did not ask for it, you can ignore this email.\n\n{store}",
  },
  nl: {
    "email.code.subject": "Je code voor {store} beloningen: {code}",
    "email.code.body":
      "Hallo,\n\nJe code om je beloningen bij {store} te bekijken is {code}.\nDe code is {minutes} minuten geldig. Heb je hem niet aangevraagd, dan kun je deze e-mail negeren.\n\n{store}",
  },
  de: {
    "email.code.subject": "Dein Prämien-Code für {store}: {code}",
    "email.code.body":
      "Hallo,\n\ndein Code für deine Prämien bei {store} lautet {code}.\nEr ist {minutes} Minuten gültig. Falls du ihn nicht angefordert hast, kannst du diese E-Mail ignorieren.\n\n{store}",
  },
  nb: {
    "email.code.subject": "Din kode for fordeler hos {store}: {code}",
    "email.code.body":
      "Hei,\n\nKoden for å se fordelene dine hos {store} er {code}.\nDen gjelder i {minutes} minutter. Hvis du ikke ba om den, kan du se bort fra denne e-posten.\n\n{store}",
  },
};
