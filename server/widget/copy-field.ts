import { h, nextId, type Child } from "./dom.js";
import { COPY } from "./icons.js";
import type { View } from "./sections.js";

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
 * A read-only field with a copy button, for a code (coupon or referral, in a code's type) or a referral link: a
 * label, the value selected on focus, and a status line that says it was copied, or that it is selected for the
 * shopper to copy. `kind` picks the button's texts (`coupon.copy`, `referral.copied`…); a link is shown wide.
 */
export function copyField({ f, icon }: View, value: string, label: string, kind: "coupon" | "referral"): Child[] {
  const id = nextId();
  const status = h("div", { class: "muted sm", role: "status" });
  const input = h("input", { id, class: kind === "referral" ? "link" : "link cd", type: "text", readonly: true, value, spellcheck: "false", onfocus: () => input.select() });
  const copy = async () => {
    status.textContent = f.t((await copyText(input)) ? `${kind}.copied` : "copy.failed");
  };
  return [
    h("label", { for: id, class: "lbl" }, label),
    h("div", { class: "row" }, input, h("button", { type: "button", class: "btn small", "aria-describedby": id, onclick: copy }, icon(COPY), f.t(`${kind}.copy`))),
    status,
  ];
}
