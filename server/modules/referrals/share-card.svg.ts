/** What the shop's share card shows: its name and the friend's offer on the widget's colours. */
export interface ShareCard {
  storeName: string;
  offer: string;
  tagline: string;
  /** #rrggbb: the widget's primary colour, and its text colour (readable on it). */
  background: string;
  foreground: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
/** DejaVu Sans's mean advance per em, bold and regular, a little generous so a line never runs off the card. */
const ADVANCE = { bold: 0.66, regular: 0.6 } as const;

/** The card as SVG, rendered to PNG with the fonts the app ships; text is escaped and never fetched from anywhere. */
export function shareCardSvg(card: ShareCard): string {
  const name = fit(card.storeName, "bold", [84, 68, 56], 2);
  const offer = fit(card.offer, "regular", [52, 44, 38], 3);
  const tagline = fit(card.tagline, "regular", [34], 1);
  let y = 150;
  const block = (lines: Fitted, weight: "bold" | "regular", extra = "") => {
    const text = lines.lines
      .map((line) => {
        y += Math.round(lines.size * 1.18);
        return `<text x="${MARGIN}" y="${y}" font-size="${lines.size}" font-weight="${weight === "bold" ? 700 : 400}"${extra}>${escapeXml(line)}</text>`;
      })
      .join("");
    y += 28;
    return text;
  };
  const body = [block(tagline, "regular", ' opacity="0.85"'), block(name, "bold"), block(offer, "regular")].join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${card.background}"/>`,
    `<circle cx="1120" cy="70" r="230" fill="${card.foreground}" opacity="0.08"/>`,
    `<circle cx="1190" cy="590" r="150" fill="${card.foreground}" opacity="0.06"/>`,
    `<rect x="${MARGIN}" y="84" width="120" height="8" rx="4" fill="${card.foreground}" opacity="0.6"/>`,
    `<g font-family="DejaVu Sans" fill="${card.foreground}">${body}</g>`,
    `</svg>`,
  ].join("");
}

interface Fitted {
  size: number;
  lines: string[];
}

/** The largest size at which the text wraps into `maxLines`; at the smallest, what does not fit ends in "…". */
export function fit(text: string, weight: keyof typeof ADVANCE, sizes: number[], maxLines: number): Fitted {
  const clean = printable(text);
  for (const size of sizes) {
    const lines = wrap(clean, Math.floor(TEXT_WIDTH / (size * ADVANCE[weight])));
    if (lines.length <= maxLines) return { size, lines };
  }
  const size = sizes[sizes.length - 1]!;
  const perLine = Math.floor(TEXT_WIDTH / (size * ADVANCE[weight]));
  const lines = wrap(clean, perLine).slice(0, maxLines);
  const last = lines[maxLines - 1] ?? "";
  lines[maxLines - 1] = `${[...last].slice(0, perLine - 1).join("")}…`;
  return { size, lines };
}

/** Words into lines of at most `perLine` characters; a word longer than a line is cut. */
function wrap(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter(Boolean)) {
    const chars = [...word];
    if (chars.length > perLine) {
      if (line) lines.push(line);
      for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(""));
      line = lines.pop() ?? "";
      continue;
    }
    const joined = line ? `${line} ${word}` : word;
    if ([...joined].length <= perLine) line = joined;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

// XML 1.0 allows no control characters but tab, line feed and carriage return, nor half a surrogate pair; every kind of space reads as one.
const printable = (text: string) =>
  text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[\p{Cc}\ufffe\uffff]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
