import type { Language } from "../settings/program-settings.js";

/**
 * The referral landing page and the shop's share card, per language. `{store}`, `{offer}`, `{code}`, `{percent}`
 * and `{amount}` are filled in; every text is plain (escaped in HTML and SVG). A merchant may override any key
 * through the program's `texts`, as with the widget's.
 */
export const LANDING_TEXTS: Record<Language, Record<string, string>> = {
  en: {
    "landing.gift": "A gift from a friend",
    "landing.title": "A gift from a friend at {store}",
    "landing.description": "{offer} at {store} with the code {code}.",
    "landing.going": "Taking you to {store}…",
    "landing.continue": "Continue to {store}",
    "landing.gone.title": "This invitation is not available",
    "landing.gone.body": "The link may be mistyped, or the invitation has ended.",
    "landing.gone.visit": "Visit {store}",
    "landing.card_alt": "{store}: {offer}",
    "landing.offer.percent_off": "{percent}% off your first order",
    "landing.offer.amount_off": "{amount} off your first order",
    "landing.offer.free_shipping": "Free shipping on your first order",
    "landing.offer.minimum": "{offer} of {amount} or more",
  },
  nl: {
    "landing.gift": "Een cadeau van een vriend",
    "landing.title": "Een cadeau van een vriend bij {store}",
    "landing.description": "{offer} bij {store} met de code {code}.",
    "landing.going": "Je gaat naar {store}…",
    "landing.continue": "Verder naar {store}",
    "landing.gone.title": "Deze uitnodiging is niet beschikbaar",
    "landing.gone.body": "De link is misschien verkeerd overgenomen, of de uitnodiging is afgelopen.",
    "landing.gone.visit": "Naar {store}",
    "landing.card_alt": "{store}: {offer}",
    "landing.offer.percent_off": "{percent}% korting op je eerste bestelling",
    "landing.offer.amount_off": "{amount} korting op je eerste bestelling",
    "landing.offer.free_shipping": "Gratis verzending op je eerste bestelling",
    "landing.offer.minimum": "{offer} vanaf {amount}",
  },
  de: {
    "landing.gift": "Ein Geschenk von einem Freund",
    "landing.title": "Ein Geschenk von einem Freund bei {store}",
    "landing.description": "{offer} bei {store} mit dem Code {code}.",
    "landing.going": "Weiter zu {store}…",
    "landing.continue": "Weiter zu {store}",
    "landing.gone.title": "Diese Einladung ist nicht verfügbar",
    "landing.gone.body": "Der Link ist vielleicht falsch übernommen, oder die Einladung ist beendet.",
    "landing.gone.visit": "Zu {store}",
    "landing.card_alt": "{store}: {offer}",
    "landing.offer.percent_off": "{percent} % Rabatt auf deine erste Bestellung",
    "landing.offer.amount_off": "{amount} Rabatt auf deine erste Bestellung",
    "landing.offer.free_shipping": "Kostenloser Versand für deine erste Bestellung",
    "landing.offer.minimum": "{offer} ab {amount}",
  },
  nb: {
    "landing.gift": "En gave fra en venn",
    "landing.title": "En gave fra en venn hos {store}",
    "landing.description": "{offer} hos {store} med koden {code}.",
    "landing.going": "Du sendes til {store}…",
    "landing.continue": "Fortsett til {store}",
    "landing.gone.title": "Denne invitasjonen er ikke tilgjengelig",
    "landing.gone.body": "Lenken kan være skrevet feil, eller invitasjonen er avsluttet.",
    "landing.gone.visit": "Gå til {store}",
    "landing.card_alt": "{store}: {offer}",
    "landing.offer.percent_off": "{percent} % rabatt på din første bestilling",
    "landing.offer.amount_off": "{amount} rabatt på din første bestilling",
    "landing.offer.free_shipping": "Gratis frakt på din første bestilling",
    "landing.offer.minimum": "{offer} på {amount} eller mer",
  },
};
