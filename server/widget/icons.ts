/**
 * Line icons (24px grid, stroked with the current colour), drawn from fixed path data, never from input.
 * Separate exports so the loader bundle carries only the one it draws.
 */
export const GIFT =
  "M4 8h16a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1zM12 8v13M19 12v7a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-7M7.5 8a2.5 2.5 0 0 1 0-5C10 3 12 8 12 8s2-5 4.5-5a2.5 2.5 0 0 1 0 5";
export const CLOSE = "M18 6 6 18M6 6l12 12";
export const CHECK = "M20 6 9 17l-5-5";
export const COPY = "M9 9h11v11H9zM5 15H4V4h11v1";

export function icon(d: string): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", d);
  svg.appendChild(path);
  return svg;
}
