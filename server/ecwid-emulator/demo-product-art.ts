/** Product pictures for the demo shop: small SVGs as data URLs, so they show whatever host name serves the demo. */

const ICONS = {
  tent: '<path d="M6 52 32 12l26 40Z"/><path d="M32 12v40M24 52l8-14 8 14"/>',
  shoe: '<path d="M8 40c6 0 10-12 14-16 4 6 10 8 18 10 10 2 16 6 16 12v2H8Z"/><path d="M8 48h48M26 30l4 4M31 27l4 4"/>',
  jacket: '<path d="M24 10h16l12 8 4 30h-8l-2-22v30H18V26l-2 22H8l4-30Z"/><path d="M32 14v42M26 10l6 8 6-8"/>',
  lamp: '<circle cx="32" cy="32" r="10"/><path d="M6 32c0-6 6-10 16-10M58 32c0-6-6-10-16-10M6 32c0 6 6 10 16 10M58 32c0 6-6 10-16 10M32 14V6M46 20l5-5M18 20l-5-5"/>',
  socks: '<path d="M22 8h16v24l11 9a7 7 0 0 1-9 11L23 40a5 5 0 0 1-1-4Z"/><path d="M22 15h16"/>',
  bottle: '<path d="M26 6h12v6l4 6v38a2 2 0 0 1-2 2H24a2 2 0 0 1-2-2V18l4-6Z"/><path d="M22 28h20M22 44h20"/>',
  bag: '<path d="M16 16h32l-4 40H20Z"/><path d="M16 16l4-8h24l4 8"/><circle cx="28" cy="34" r="3"/><circle cx="37" cy="40" r="3"/><circle cx="29" cy="46" r="2"/>',
  mug: '<path d="M12 20h32v24a8 8 0 0 1-8 8H20a8 8 0 0 1-8-8Z"/><path d="M44 26h4a6 6 0 0 1 0 12h-4M21 12c0-3 3-3 3-6M31 12c0-3 3-3 3-6"/>',
} as const;

export type ProductIcon = keyof typeof ICONS;

/** A 4:3 picture: the icon drawn on a soft diagonal gradient between two colours. */
export function productArt(icon: ProductIcon, from: string, to: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="400" height="300" fill="url(#g)"/>` +
    `<g transform="translate(120 70) scale(2.5)" fill="none" stroke="#24211d" stroke-opacity=".72" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round">${ICONS[icon]}</g>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
