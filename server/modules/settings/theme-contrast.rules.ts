/** WCAG 2.2 AA asks 4.5:1 between normal text and its background (success criterion 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

/** Relative luminance of a `#rrggbb` colour, as WCAG defines it (sRGB channels linearised). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two `#rrggbb` colours, from 1 (the same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * Why a text colour cannot stand on a background, or null when it can. The ratio is shown to two decimals,
 * never rounded up to the minimum itself (4.499 reads 4.49, not 4.50, beside "below 4.5").
 */
export function contrastProblem(text: string, background: string, minimum = MIN_TEXT_CONTRAST): string | null {
  const ratio = contrastRatio(text, background);
  if (ratio >= minimum) return null;
  const shown = Math.min(Math.round(ratio * 100), Math.ceil(minimum * 100) - 1) / 100;
  return `contrast ${shown.toFixed(2)}:1 is below ${minimum}:1`;
}

const LIGHT_TEXT = "#ffffff";
const DARK_TEXT = "#111111";

/**
 * A theme saved before colours were checked may be unreadable: its text colour is then read as white or
 * near-black, whichever stands better on its primary colour, so the program stays editable and the widget legible.
 */
export function readableTheme<T extends { primaryColor: string; textColor: string }>(theme: T): T {
  if (!contrastProblem(theme.textColor, theme.primaryColor)) return theme;
  const textColor = contrastRatio(LIGHT_TEXT, theme.primaryColor) >= contrastRatio(DARK_TEXT, theme.primaryColor) ? LIGHT_TEXT : DARK_TEXT;
  return { ...theme, textColor };
}
