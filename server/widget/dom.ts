/**
 * The panel's only way to make elements. Children that are strings become text nodes, so merchant and
 * server text is always shown as text: nothing here (or anywhere in the widget) assigns innerHTML.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what an element holds (replaceChildren is missing in Chrome 80-85 and Safari 13.1, which the widget serves). */
export function fill(element: Node, ...children: Child[]): void {
  element.textContent = "";
  append(element, children);
}

/** A progress bar named after what it measures (a challenge, a reward, the next tier), its value said in words. */
export function bar(progress: number, target: number, name: string, words: string): HTMLElement {
  const fill = h("i");
  fill.style.width = `${target > 0 ? Math.min(100, Math.round((progress / target) * 100)) : 0}%`;
  return h(
    "div",
    { class: "bar", role: "progressbar", "aria-label": name, "aria-valuemin": 0, "aria-valuemax": target, "aria-valuenow": Math.min(progress, target), "aria-valuetext": words },
    fill,
  );
}

let ids = 0;
export const nextId = () => `ql-${++ids}`;

/** A part of the panel named by its heading: a section (`sec`) or a card (`card`; `card res` takes focus to tell an outcome). */
export function titled(attrs: Attrs, title: Child, ...content: Child[]): HTMLElement {
  const id = nextId();
  return h("section", { ...attrs, "aria-labelledby": id }, h("h3", { id }, title), ...content);
}

export const section = (title: string, ...content: Child[]) => titled({ class: "sec" }, title, ...content);

export const item = (...children: Child[]) => h("li", { class: "it" }, ...children);
export const muted = (text: string, small?: boolean) => h("div", { class: small ? "muted sm" : "muted" }, text);
/** How far to a goal: a bar named after it, and the same words in sight. */
export const need = (name: string, progress: number, target: number, words: string, small?: boolean) => [bar(progress, target, name, words), muted(words, small)];
