/**
 * The demo storefront's cart and checkout, standing in for Ecwid's: the cart lives in sessionStorage, the
 * checkout posts to /demo/store/checkout, where the emulator makes the order and sends Questline the signed
 * `order.created`. Like Ecwid's storefront it tells listeners through `OnCartChanged` and `OnOrderPlaced`.
 */
(() => {
  const shop = window.demoStorefront;
  const KEY = "questline-demo-cart";
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  const $ = (id) => document.getElementById(id);
  const dialog = $("cart");
  const form = $("checkout");
  const email = $("checkout-email");
  const error = $("checkout-error");
  const customer = shop.customer();

  let lines = [];
  try {
    lines = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
  } catch {
    lines = [];
  }

  const count = () => lines.reduce((sum, line) => sum + line.quantity, 0);
  const subtotal = () => lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const ecwidCart = () => ({
    items: lines.map((line) => ({ quantity: line.quantity, product: { id: line.productId, name: line.name, price: line.price } })),
    productsQuantity: count(),
    orderId: null,
    cartId: "demo-cart",
  });

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
      if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value);
    }
    element.append(...children);
    return element;
  }

  function changed() {
    lines = lines.filter((line) => line.quantity > 0);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(lines));
    } catch {
      // storage blocked: the cart lasts as long as the page
    }
    render();
    shop.fire("OnCartChanged", ecwidCart());
  }

  function render() {
    $("cart-count").textContent = String(count());
    $("cart-empty").hidden = lines.length > 0;
    $("cart-subtotal-row").hidden = form.hidden = lines.length === 0;
    $("cart-subtotal").textContent = money.format(subtotal());
    $("cart-lines").replaceChildren(
      ...lines.map((line) => {
        const step = (by) => () => {
          line.quantity = Math.min(99, line.quantity + by);
          changed();
        };
        return el(
          "li",
          { class: "cart__line" },
          el("span", { class: "cart__name" }, line.name),
          el(
            "span",
            { class: "cart__qty" },
            el("button", { type: "button", "aria-label": `One fewer ${line.name}`, onclick: step(-1) }, "−"),
            el("span", { "aria-label": `Quantity of ${line.name}` }, String(line.quantity)),
            el("button", { type: "button", "aria-label": `One more ${line.name}`, onclick: step(1) }, "+"),
          ),
          el("span", { class: "cart__amount" }, money.format(line.price * line.quantity)),
        );
      }),
    );
  }

  function open() {
    $("cart-body").hidden = false;
    $("cart-done").hidden = true;
    error.textContent = "";
    if (!dialog.open) dialog.showModal();
  }

  for (const button of document.querySelectorAll(".shop-card__add")) {
    button.addEventListener("click", () => {
      const productId = Number(button.dataset.productId);
      const line = lines.find((l) => l.productId === productId);
      if (line) line.quantity = Math.min(99, line.quantity + 1);
      else lines.push({ productId, name: button.dataset.name, price: Number(button.dataset.price), quantity: 1 });
      changed();
      open();
    });
  }
  $("cart-open").addEventListener("click", open);
  $("cart-close").addEventListener("click", () => dialog.close());
  $("cart-continue").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
  });

  if (customer) {
    email.value = customer.email;
    email.readOnly = true;
  }

  function problemText(body, status) {
    if (body?.issues?.some((issue) => issue.path[0] === "email")) return "Enter a valid email address.";
    if (body?.message && status < 500) return body.message;
    return "The shop could not take the order just now. Please try again.";
  }

  function placed(order, paid) {
    lines = [];
    changed();
    shop.fire("OnOrderPlaced", {
      vendorNumber: order.id,
      orderNumber: order.internalId,
      total: order.total,
      subtotal: order.subtotal,
      discount: order.discount,
      paymentStatus: order.paymentStatus,
      items: order.items.map((item) => ({ quantity: item.quantity, product: { id: item.productId, name: item.name, price: item.price, sku: item.sku } })),
      productsQuantity: order.items.reduce((sum, item) => sum + item.quantity, 0),
      customer: { email: order.email },
      date: String(Math.floor(Date.now() / 1000)),
    });
    $("cart-body").hidden = true;
    $("cart-done").hidden = false;
    $("cart-thanks").textContent = `Thank you! Order #${order.id} is placed: ${order.totalText}.`;
    $("cart-next").replaceChildren(
      ...(paid
        ? ["Paid by card: its points reach the Rewards widget within moments."]
        : ["Awaiting payment: mark it paid in the ", el("a", { href: "/demo/admin/orders" }, "demo control panel"), " and its points arrive."]),
    );
    $("cart-thanks").focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!email.value.trim()) {
      error.textContent = "Enter your email address.";
      email.focus();
      return;
    }
    const payment = new FormData(form).get("payment");
    const place = $("checkout-place");
    place.disabled = true;
    try {
      const response = await fetch("/demo/store/checkout", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          email: email.value.trim(),
          items: lines.map(({ productId, quantity }) => ({ productId, quantity })),
          payment,
          signedIn: customer !== null && customer.email === email.value.trim(),
          coupon: $("checkout-coupon").value,
          lang: shop.lang,
          extraFields: shop.extraFields(),
        }),
      });
      const body = await response.json().catch(() => null);
      if (response.status === 201) placed(body.order, payment === "card");
      else error.textContent = problemText(body, response.status);
    } catch {
      error.textContent = problemText(null, 0);
    } finally {
      place.disabled = false;
    }
  });

  render();
  if (lines.length > 0) shop.fire("OnCartChanged", ecwidCart());
})();
