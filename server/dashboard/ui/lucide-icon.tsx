import { BADGE_ICON_PATHS } from "../../modules/program/badge-icon-paths.js";
import type { BadgeIcon } from "../../modules/program/badge-icons.js";

/** One of the built-in challenge and badge icons (Lucide), stroked in the current colour; decorative. */
export function LucideIcon({ name, size = 24 }: { name: BadgeIcon; size?: number }) {
  return (
    <svg
      class="ql-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={BADGE_ICON_PATHS[name]} />
    </svg>
  );
}
