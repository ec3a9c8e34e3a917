import { h, nextId, type Child } from "./dom.js";
import type { Format } from "./format.js";
import { COPY, icon } from "./icons.js";

/** The clipboard API where the page may use it; else the old copy command on the selected text. */
async function copyText(input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.focus();
    input.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

/**
 * A read-only field with a copy button (a referral link, a coupon code): a label, the value selected on
 * focus, and a status line that says it was copied, or that it is selected for the shopper to copy.
 */
export function copyField(f: Format, value: string, texts: { label: string; copy: string; copied: string }, wide = false): Child[] {
  const id = nextId();
  const status = h("div", { class: "muted sm", role: "status" });
  const input = h("input", { id, class: wide ? "link" : "link cd", type: "text", readonly: true, value, spellcheck: "false", onfocus: () => input.select() });
  const copy = async () => {
    status.textContent = (await copyText(input)) ? texts.copied : f.t("copy.failed");
  };
  return [
    h("label", { for: id, class: "lbl" }, texts.label),
    h("div", { class: "row" }, input, h("button", { type: "button", class: "btn small", "aria-describedby": id, onclick: copy }, icon(COPY), texts.copy)),
    status,
  ];
}
