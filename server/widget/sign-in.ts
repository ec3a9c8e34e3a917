import { ApiError, type StorefrontApi } from "./api.js";
import { h, titled } from "./dom.js";
import type { Format, Values } from "./format.js";
import type { EcwidApi, Program } from "./types.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The shopper's words for a refusal: a text per error code (the merchant may override it), else the server's message. */
export function errorText(f: Format, error: unknown): string {
  if (!(error instanceof ApiError)) return f.t("error.generic");
  // The refusal's numbers fill the text's placeholders ("Tries left: {attemptsLeft}").
  const text = f.t(`error.${error.code}`, error.body as Values | undefined);
  return (text && !text.includes("{") ? text : error.message) || f.t("error.generic");
}

/**
 * Sign-in by a six-digit code sent by email: the only shopper identity the server trusts (Ecwid gives a
 * storefront script none). The email is pre-filled when the shopper is logged in to the shop.
 */
export function signInCard(deps: { api: StorefrontApi; f: Format; program: Program; ecwid: EcwidApi; onSignedIn(): void }): HTMLElement {
  const { api, f } = deps;
  let email = "";
  let busy = false;

  const error = h("p", { class: "err", role: "alert" });
  const intro = h("p", { id: "ql-signin-intro", class: "muted" }, f.t("signin.intro"));
  const sent = h("p", { id: "ql-sent", class: "muted sent" });
  const emailInput = h("input", {
    id: "ql-email",
    type: "email",
    autocomplete: "email",
    inputmode: "email",
    spellcheck: "false",
    required: true,
    "aria-describedby": "ql-signin-intro",
  });
  const codeInput = h("input", {
    id: "ql-code",
    class: "code",
    type: "text",
    inputmode: "numeric",
    autocomplete: "one-time-code",
    maxlength: 6,
    required: true,
    "aria-describedby": "ql-sent",
  });

  const fail = (input: HTMLInputElement, message: string) => {
    error.textContent = message;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  };
  const attempt = async (input: HTMLInputElement, work: () => Promise<void>) => {
    if (busy) return;
    busy = true;
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    try {
      await work();
    } catch (caught) {
      fail(input, caught instanceof ApiError && caught.code === "validation_failed" ? f.t(input === emailInput ? "error.email" : "error.code") : errorText(f, caught));
    } finally {
      busy = false;
    }
  };

  const emailStep = h(
    "form",
    {
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        const value = emailInput.value.trim();
        if (!EMAIL.test(value)) return fail(emailInput, f.t("error.email"));
        void attempt(emailInput, async () => {
          const { expiresInSeconds } = await api.startSession(value, deps.program.lang);
          email = value;
          sent.textContent = f.t("signin.sent", { email, minutes: Math.round((expiresInSeconds || 600) / 60) });
          emailStep.hidden = intro.hidden = true;
          codeStep.hidden = false;
          codeInput.value = "";
          codeInput.focus();
        });
      },
    },
    h("label", { for: "ql-email" }, f.t("signin.email")),
    emailInput,
    h("button", { type: "submit", class: "btn" }, f.t("signin.send")),
  );

  const codeStep = h(
    "form",
    {
      novalidate: true,
      hidden: true,
      onsubmit: (event) => {
        event.preventDefault();
        const code = codeInput.value.replace(/\D/g, "");
        if (code.length !== 6) return fail(codeInput, f.t("error.code"));
        void attempt(codeInput, async () => {
          await api.verifySession(email, code, deps.program.lang);
          deps.onSignedIn();
        });
      },
    },
    sent,
    h("label", { for: "ql-code" }, f.t("signin.code")),
    codeInput,
    h("button", { type: "submit", class: "btn" }, f.t("signin.verify")),
    h(
      "button",
      {
        type: "button",
        class: "lnk",
        onclick: () => {
          error.textContent = "";
          codeStep.hidden = true;
          emailStep.hidden = intro.hidden = false;
          emailInput.focus();
        },
      },
      f.t("signin.change"),
    ),
  );

  try {
    deps.ecwid.Customer?.get((customer) => {
      if (customer?.email && !emailInput.value) emailInput.value = customer.email;
    });
  } catch {
    // no logged-in customer to offer
  }

  return titled({ class: "card signin" }, f.t("signin.title"), intro, emailStep, codeStep, error);
}
