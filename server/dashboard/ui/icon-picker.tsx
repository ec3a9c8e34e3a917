import { useId } from "preact/hooks";
import { BADGE_ICONS, type BadgeIcon } from "../../modules/program/badge-icons.js";
import { LucideIcon } from "./lucide-icon.js";

const nameOf = (icon: BadgeIcon) => icon.replace(/-\d*/g, " ").trim();

/**
 * The built-in icons as one radio group: arrow keys move between them (the browser's own radio behaviour),
 * each named for screen readers; drawn in the widget's colour so the merchant sees them as shoppers will.
 */
export function IconPicker({
  label,
  value,
  onChange,
  color,
  error,
}: {
  label: string;
  value: BadgeIcon;
  onChange: (icon: BadgeIcon) => void;
  color: string;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset class="fieldset ql-icon-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="fieldset__title">{label}</legend>
      <div class="ql-icon-picker__grid" style={{ "--ql-icon-color": color }}>
        {BADGE_ICONS.map((icon) => (
          <label class="ql-icon-picker__choice" key={icon} title={nameOf(icon)}>
            <input type="radio" name={id} value={icon} checked={value === icon} onChange={() => onChange(icon)} aria-label={nameOf(icon)} />
            <span class="ql-icon-picker__face">
              <LucideIcon name={icon} size={22} />
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p class="ql-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
