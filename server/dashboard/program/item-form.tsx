import type { ComponentChildren } from "preact";
import { useId, useLayoutEffect, useRef } from "preact/hooks";
import { Alert } from "../ui/alert.js";
import type { SaveState } from "../ui/use-save.js";

interface ItemFormProps<T> {
  title: string;
  save: SaveState<T>;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** What the piece is now, in words, when a save was refused as changed elsewhere. */
  describeCurrent: (current: T) => string;
  onTakeCurrent: () => void;
  onOverwrite: () => void;
  children: ComponentChildren;
  /** Shown above the buttons (a preview of what saving would pay). */
  footer?: ComponentChildren;
}

/**
 * The frame of every program form: title, fields, the server's refusal, and for a save refused as changed
 * elsewhere the current version with two ways on; the merchant's edit stays in the fields either way.
 */
export function ItemForm<T>({ title, save, submitLabel, onSubmit, onCancel, describeCurrent, onTakeCurrent, onOverwrite, children, footer }: ItemFormProps<T>) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // Focus moves into the form as it opens, and back to what opened it (if still there) as it closes. A layout
  // effect, because Preact defers a passive effect's cleanup past the removal, leaving focus on the body.
  useLayoutEffect(() => {
    const opener = document.activeElement;
    form.current?.querySelector<HTMLElement>("input, select")?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <form
      ref={form}
      class="ql-rule-form ql-item-form"
      noValidate
      aria-labelledby={id}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.busy) onSubmit();
      }}
    >
      <h3 class="ql-rule-form__title" id={id}>
        {title}
      </h3>
      {children}
      {save.conflict && (
        <Alert tone="warning" title="Changed elsewhere: not saved">
          <p>Someone saved this in another tab or window while you were editing. It is now: {describeCurrent(save.conflict.current)}.</p>
          <p>Your edit is still in the form.</p>
          <div class="ql-form-actions">
            <button class="btn btn-default btn-small" type="button" onClick={onOverwrite}>
              Save mine over it
            </button>
            <button class="btn btn-default btn-small" type="button" onClick={onTakeCurrent}>
              Use the current version
            </button>
          </div>
        </Alert>
      )}
      {save.error && <Alert tone="error">{save.error}</Alert>}
      {footer}
      <div class="ql-form-actions">
        <button class="btn btn-primary btn-medium" type="submit" disabled={save.busy} aria-busy={save.busy}>
          {submitLabel}
        </button>
        <button class="btn btn-default btn-medium" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
