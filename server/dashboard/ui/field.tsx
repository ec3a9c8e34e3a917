import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

interface FieldProps {
  label: string;
  /** The server's message for this field, shown beside it. */
  error?: string | undefined;
  hint?: string;
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}

/** A labelled control with its hint and its error message, tied together for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class="fieldset">
      <label class="fieldset__title" for={id}>
        {label}
      </label>
      <div class="field field--medium">{children({ id, describedBy, invalid: Boolean(error) })}</div>
      {hint && (
        <p class="ql-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="ql-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: "text" | "date";
  inputMode?: "numeric" | "decimal" | "text";
  maxLength?: number;
  placeholder?: string;
  required?: boolean;
}

export function TextField({ label, value, onInput, error, hint, type = "text", inputMode, maxLength, placeholder, required }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          class="field__input"
          id={id}
          {...(type === "date" ? { type: "date" as const } : { type: "text" as const })}
          inputMode={inputMode}
          autoComplete="off"
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          required={required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  error,
}: {
  label: string;
  value: V;
  options: [V, string][];
  onChange: (value: V) => void;
  error?: string | undefined;
}) {
  return (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <select class="field__input" id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(event) => onChange(event.currentTarget.value as V)}>
          {options.map(([option, text]) => (
            <option value={option} key={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="custom-checkbox">
      <label>
        <input class="custom-checkbox__input" type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
        <span class="custom-checkbox__label" aria-hidden="true"></span>
        <span class="custom-checkbox__text">{label}</span>
      </label>
    </div>
  );
}
