/**
 * The merchant dashboard inside Ecwid's admin iframe: signs in, then renders the pages. All data is
 * rendered as text; the session token lives in memory only.
 */
import { render } from "preact";
import { ApiError, createAdminApi } from "./api.js";
import { App } from "./app.js";
import { initEcwidSdk } from "./ecwid-sdk.js";
import { createFormatters } from "./format.js";
import { MESSAGES, type PageMessage } from "./messages.js";
import { openSession, readBootstrap } from "./session.js";
import { Alert } from "./ui/alert.js";

const root = document.getElementById("app") as HTMLElement;
const subtitle = document.getElementById("store-subtitle");
const view = document.getElementById("dashboard") as HTMLElement;

let replaced = false;
/** Replaces the dashboard with one message for good (signed out, session ended, data unreadable). */
function showMessage(message: PageMessage) {
  if (replaced) return;
  replaced = true;
  render(
    <div class="a-card a-card--normal">
      <div class="a-card__paddings">
        <Alert tone={message.tone} title={message.title}>
          {message.text}
        </Alert>
      </div>
    </div>,
    view,
  );
  root.setAttribute("aria-busy", "false");
}

async function start() {
  const bootstrap = readBootstrap();
  if (bootstrap.sdk) initEcwidSdk(bootstrap.clientId ?? "");
  let opened;
  try {
    opened = await openSession(bootstrap);
  } catch (error) {
    const message = (error as Error).message;
    return showMessage(
      error instanceof ApiError && error.code === "store_unavailable" ? MESSAGES.unavailable(message) : MESSAGES.failed(`Ecwid's sign-in was not accepted: ${message}`),
    );
  }
  if ("problem" in opened) return showMessage(MESSAGES[opened.problem]);
  const { session } = opened;
  document.documentElement.lang = session.lang || "en";
  const api = createAdminApi(session.token, {
    onUnauthorized: () => showMessage(MESSAGES.expired),
    onUnavailable: (error) => showMessage(MESSAGES.unavailable(error.message)),
  });
  const store = await api.store();
  document.title = `Questline · ${store.storeName}`;
  if (subtitle) subtitle.textContent = `${store.storeName} · points, members and activity`;
  const fmt = createFormatters({ lang: session.lang, currency: store.currency, currencyPrecision: store.currencyPrecision });
  if (replaced) return;
  render(<App dashboard={{ api, fmt, store }} />, view);
  root.setAttribute("aria-busy", "false");
}

start().catch((error: unknown) => {
  // A 401 or an unreadable store has already replaced the page with its message.
  showMessage(MESSAGES.failed((error as Error)?.message || "Something went wrong. Please reload the page."));
});
