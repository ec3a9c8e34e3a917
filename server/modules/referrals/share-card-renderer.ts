import { createRequire } from "node:module";
import { renderAsync } from "@resvg/resvg-js";
import { fingerprint } from "../../lib/fingerprint.js";
import { shareCardSvg, type ShareCard } from "./share-card.svg.js";

const require = createRequire(import.meta.url);
/** DejaVu Sans ships in an npm package, so the card looks the same on every machine and needs no system fonts. */
const FONT_FILES = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"].map((file) => require.resolve(file));

/** Short and URL-safe: names a card's content, so a changed name, offer or colour is a new image for every cache. */
export const cardKey = (card: ShareCard): string => fingerprint(card).slice(0, 16);

/**
 * PNG share cards, rendered off the event loop (resvg on libuv's pool), each content rendered once however many
 * ask at the same time, and the last `capacity` kept: a store's card changes only when its name, offer or colours do.
 */
export class ShareCardRenderer {
  readonly #cards = new Map<string, Promise<Buffer>>();

  constructor(private readonly capacity = 64) {}

  png(card: ShareCard): Promise<Buffer> {
    const key = cardKey(card);
    const kept = this.#cards.get(key);
    if (kept) {
      this.#cards.delete(key);
      this.#cards.set(key, kept);
      return kept;
    }
    const rendered = renderAsync(shareCardSvg(card), {
      font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "DejaVu Sans" },
      fitTo: { mode: "original" },
    }).then((image) => image.asPng());
    this.#cards.set(key, rendered);
    rendered.catch(() => this.#cards.delete(key));
    if (this.#cards.size > this.capacity) this.#cards.delete(this.#cards.keys().next().value!);
    return rendered;
  }
}
