/**
 * Puts a stylesheet into a shadow root. A constructed sheet is CSSOM, so a shop whose Content-Security-Policy
 * forbids inline styles still shows the widget; browsers without it get a <style> element.
 */
export function addStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    root.appendChild(style);
  }
}
