/**
 * Plays Ecwid's storefront for the demo shop (CONTRACT §5): a `window.Ecwid` with the events and getters
 * the widget uses, then the app's storefront script loaded the way Ecwid loads a `customJsUrl`: a script
 * tag appended to the page, with `Ecwid.OnAPILoaded` firing after it ran.
 *
 * Query options: `?lang=nl` sets `Ecwid.getStorefrontLang()`, `?customer=email` logs that customer in
 * (`Ecwid.Customer.get()`, `Ecwid.OnSetProfile`). The cart (cart.js) fires `OnCartChanged` and `OnOrderPlaced`,
 * and its orders carry the order extra fields applied from `window.ec` (read as the page loads and again on
 * `Ecwid.refreshConfig()`, as Ecwid does).
 */
(() => {
  const storeId = Number(document.currentScript.dataset.storeId);
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") || "en";
  const email = params.get("customer") || "";
  let customer = email
    ? {
        id: 270919601,
        email,
        ownerId: storeId,
        registered: String(Math.floor(Date.now() / 1000) - 90 * 86400),
        billingPerson: {
          name: email
            .split("@")[0]
            .replace(/[._-]+/g, " ")
            .replace(/\b\w/g, (c) => c.toUpperCase()),
        },
      }
    : null;

  /** An Ecwid event: `add(handler)` for the app, `fire(value)` for this page. */
  const event = () => {
    const handlers = [];
    return {
      api: { add: (handler) => void handlers.push(handler) },
      fire(value) {
        for (const handler of handlers) {
          try {
            handler(value);
          } catch (error) {
            setTimeout(() => {
              throw error;
            });
          }
        }
      },
    };
  };
  const events = {
    OnAPILoaded: event(),
    OnPageLoad: event(),
    OnPageLoaded: event(),
    OnSetProfile: event(),
    OnCartChanged: event(),
    OnOrderPlaced: event(),
  };

  // The demo shop's currency (USD, "$" before, two decimals), as Ecwid.formatCurrency shows it.
  const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const page = { type: "CATEGORY", categoryId: 0, name: document.title, hasPrevious: false };

  // `ec.order.extraFields` as Ecwid last applied them: each field's value, for the order (CONTRACT §5.3).
  let extraFields = {};
  const applyConfig = () => {
    const fields = Object.entries(window.ec?.order?.extraFields ?? {});
    // Ecwid does not save a value over 255 characters.
    extraFields = Object.fromEntries(fields.filter(([, field]) => typeof field?.value === "string" && field.value.length <= 255).map(([key, field]) => [key, field.value]));
  };
  applyConfig();

  window.Ecwid = {
    ...Object.fromEntries(Object.entries(events).map(([name, e]) => [name, e.api])),
    getOwnerId: () => storeId,
    getStorefrontLang: () => lang,
    formatCurrency: (amount) => `$${money.format(amount)}`,
    getInitializedWidgets: () => ["ProductBrowser"],
    refreshConfig: applyConfig,
    Customer: {
      get: (callback) => void setTimeout(() => callback(customer ? structuredClone(customer) : null)),
      // Like Ecwid, signing out tells every OnSetProfile listener.
      signOut: (callback) =>
        void setTimeout(() => {
          customer = null;
          events.OnSetProfile.fire(null);
          callback?.(true);
        }),
    },
  };

  // Ecwid appends the app's customJsUrl to the page; the storefront API counts as loaded once it ran.
  const app = document.createElement("script");
  app.src = new URL("/widget.js", location.href).href;
  app.onload = app.onerror = () => {
    performance.mark("ecwid:OnAPILoaded");
    events.OnAPILoaded.fire();
    events.OnPageLoad.fire(page);
    events.OnPageLoaded.fire(page);
    events.OnSetProfile.fire(customer);
    events.OnCartChanged.fire({ items: [], productsQuantity: 0, orderId: null, cartId: "demo-cart" });
  };
  document.head.appendChild(app);

  // The demo bar and the category links: each choice keeps the others, and the current ones are marked.
  for (const link of document.querySelectorAll("a[data-param]")) {
    const { param, value } = link.dataset;
    const next = new URLSearchParams(params);
    if (value) next.set(param, value);
    else next.delete(param);
    const query = next.toString();
    link.href = `${location.pathname}${query ? `?${query}` : ""}`;
    if ((params.get(param) || (param === "lang" ? "en" : "")) === value) link.setAttribute("aria-current", "true");
  }
  const account = document.getElementById("shop-account");
  if (account && customer) account.textContent = customer.billingPerson.name;

  // For the demo's cart (cart.js): what Ecwid's own checkout would know and tell the app.
  window.demoStorefront = {
    lang,
    customer: () => (customer ? structuredClone(customer) : null),
    extraFields: () => ({ ...extraFields }),
    fire: (name, value) => events[name].fire(value),
  };
})();
