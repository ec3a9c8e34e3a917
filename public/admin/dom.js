/**
 * Tiny DOM helpers. Everything that came from the server is written with textContent (or
 * as a text node), never parsed as HTML.
 */

/** Creates an element; `props.text` sets its text, `on*` props add listeners, others become attributes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no #${id}`);
  return node;
}

export function setText(id, text) {
  byId(id).textContent = text;
}

/** Shows an `.alert` with a message in its `.alert-content`; an empty message hides it. */
export function showAlert(alert, message) {
  const content = alert.querySelector(".alert-content") ?? alert;
  content.textContent = message ?? "";
  alert.hidden = !message;
}

/** Marks a form as waiting for the server: its submit button disabled and spinning. */
export function setFormBusy(form, submit, on) {
  submit.disabled = on;
  submit.classList.toggle("btn-loading", on);
  form.setAttribute("aria-busy", String(on));
}
