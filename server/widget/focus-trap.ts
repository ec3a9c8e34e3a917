const CANDIDATES = "button, input, select, a[href], [tabindex]";

/** The elements Tab stops at inside `container`, in order: shown and not taken out of the order (the panel disables no control). */
function stops(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(CANDIDATES)].filter((element) => element.tabIndex >= 0 && element.getClientRects().length > 0);
}

/**
 * Tab and Shift+Tab go round inside `container` instead of leaving it, for a modal dialog in a shadow root:
 * the page behind it is covered, so focus there would be hidden (WCAG 2.4.11).
 */
export function keepTabInside(container: HTMLElement, root: ShadowRoot, event: KeyboardEvent): void {
  if (event.key !== "Tab") return;
  const order = stops(container);
  const active = root.activeElement as HTMLElement | null;
  const at = active ? order.indexOf(active) : -1;
  const target = event.shiftKey ? (at <= 0 ? order.at(-1) : null) : at === -1 || at === order.length - 1 ? order[0] : null;
  if (!target) return;
  event.preventDefault();
  target.focus();
}
