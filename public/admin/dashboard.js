/**
 * The merchant dashboard inside Ecwid's admin iframe. Entry point: signs in, then wires the areas.
 * All data is rendered as text; the session token lives in this module's memory only.
 */
import { createActivity } from "./activity.js";
import { createAdminApi } from "./api.js";
import { setText } from "./dom.js";
import { initEcwidSdk } from "./ecwid-sdk.js";
import { createEarningRule } from "./earning-rule.js";
import { createFormatters } from "./format.js";
import { createImports } from "./imports.js";
import { createMemberDetail } from "./member-detail.js";
import { createMembersList } from "./members.js";
import { MESSAGES, showDashboard, showPageMessage } from "./page.js";
import { openSession, readBootstrap } from "./session.js";
import { createWebhookHealth } from "./webhook-health.js";

async function start() {
  const bootstrap = readBootstrap();
  if (bootstrap.sdk) initEcwidSdk(bootstrap.clientId);

  let opened;
  try {
    opened = await openSession(bootstrap);
  } catch (error) {
    if (error.code === "store_unavailable") return showPageMessage(MESSAGES.unavailable(error.message));
    return showPageMessage(MESSAGES.failed(`Ecwid's sign-in was not accepted: ${error.message}`));
  }
  if (opened.problem) return showPageMessage(MESSAGES[opened.problem]);
  const { session } = opened;
  document.documentElement.lang = session.lang || "en";

  // The first of these replaces the page for good; the areas' own error lines would say less.
  let replaced = false;
  const replaceWith = (message) => {
    if (!replaced) showPageMessage(message);
    replaced = true;
  };
  const api = createAdminApi(session.token, {
    onUnauthorized: () => replaceWith(MESSAGES.expired),
    onUnavailable: (error) => replaceWith(MESSAGES.unavailable(error.message)),
  });
  const store = await api.store();
  document.title = `Questline · ${store.storeName}`;
  setText("store-subtitle", `${store.storeName} · points, members and activity`);

  const fmt = createFormatters({ lang: session.lang, currency: store.currency, currencyPrecision: store.currencyPrecision });
  const list = createMembersList({ api, fmt, onOpen: openMember });
  const activity = createActivity({ api, fmt, onOpenMember: (id) => openMember(id) });
  const detail = createMemberDetail({
    api,
    fmt,
    onBack: (id) => {
      detail.close();
      list.show(true);
      if (id) list.focusMember(id);
    },
    onChanged: () => {
      void list.refresh();
      void activity.refresh();
    },
  });

  const earning = createEarningRule({ api, fmt, onSaved: () => void activity.refresh() });
  const imports = createImports({
    api,
    fmt,
    onFinished: () => {
      void list.refresh();
      void activity.refresh();
      void health.load();
    },
  });
  const health = createWebhookHealth({ api, fmt });

  function openMember(id, known) {
    list.show(false);
    void detail.open(id, known);
  }

  await Promise.all([earning.load(), list.load(), activity.load(), imports.load(), health.load()]);
  if (!replaced) showDashboard();
}

start().catch((error) => {
  // A 401 or an unreadable store has already replaced the page with its message.
  if (error?.status !== 401 && error?.code !== "store_unavailable") showPageMessage(MESSAGES.failed(error?.message || "Something went wrong. Please reload the page."));
});
