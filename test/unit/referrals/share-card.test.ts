import { describe, expect, it } from "vitest";
import { ShareCardRenderer, cardKey } from "../../../server/modules/referrals/share-card-renderer.js";
import { fit, shareCardSvg, type ShareCard } from "../../../server/modules/referrals/share-card.svg.js";

const card = (overrides: Partial<ShareCard> = {}): ShareCard => ({
  storeName: "Trailhead Outfitters",
  offer: "10% off your first order",
  tagline: "A gift from a friend",
  background: "#1f6feb",
  foreground: "#ffffff",
  ...overrides,
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("the shop's share card", () => {
  it("when a shop name holds markup and control characters, then the SVG carries it as escaped text only", () => {
    const svg = shareCardSvg(card({ storeName: `<script>x</script> & "Co"\u0000\u0007 'shop' \ud800` }));
    expect(svg).not.toContain("<script>");
    const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join(" ");
    expect(text).toContain("&lt;script&gt;x&lt;/script&gt; &amp; &quot;Co&quot; &apos;shop&apos; \ufffd");
    expect(svg).not.toMatch(/\p{Cc}/u);
  });

  it("when a name is short it stays large on one line; a long one wraps smaller, and one too long for the card ends in an ellipsis", () => {
    expect(fit("Trailhead", "bold", [84, 68, 56], 2)).toEqual({ size: 84, lines: ["Trailhead"] });
    const wrapped = fit("The Very Long Name Of A Small Outdoor Shop In Bergen", "bold", [84, 68, 56], 2);
    expect(wrapped.lines).toHaveLength(2);
    expect(wrapped.size).toBeLessThan(84);
    const cut = fit("word ".repeat(80), "bold", [84, 68, 56], 2);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]!.endsWith("…")).toBe(true);
  });

  it("when the card is rendered, then it is a 1200×630 PNG, and the same content is rendered once and keyed the same", async () => {
    const renderer = new ShareCardRenderer();
    const [first, second] = await Promise.all([renderer.png(card()), renderer.png(card())]);
    expect(first.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
    expect(second).toBe(first);
    expect(cardKey(card())).toBe(cardKey(card()));
    expect(cardKey(card({ offer: "Free shipping on your first order" }))).not.toBe(cardKey(card()));
  });
});
