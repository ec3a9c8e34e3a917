import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Alert } from "./alert.js";
import { TextField } from "./field.js";
import { useSave } from "./use-save.js";

interface ReasonFormProps<R> {
  label: string;
  hint: string;
  /** Said beside the field when it is sent empty (nothing is sent then). */
  missing: string;
  submitLabel: string;
  /** The form's accessible name, when its label alone does not say what it decides. */
  formLabel?: string;
  class: string;
  /** The longest reason the server keeps. */
  maxLength?: number;
  send: (reason: string) => Promise<R>;
  onDone: (result: R) => void;
  onCancel: () => void;
}

/** A decision that needs the merchant's reason (reject a proof or a referral, block an ambassador): focus starts in the field; Escape cancels. */
export function ReasonForm<R>({ label, hint, missing, submitLabel, formLabel, class: className, maxLength = 300, send, onDone, onCancel }: ReasonFormProps<R>) {
  const save = useSave<never>();
  const [reason, setReason] = useState("");
  const [empty, setEmpty] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => form.current?.querySelector("input")?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const blank = reason.trim() === "";
    setEmpty(blank);
    if (blank || save.busy) return;
    const result = await save.run(() => send(reason.trim()));
    if (result !== null) onDone(result);
  }

  return (
    <form ref={form} class={className} aria-label={formLabel} noValidate onKeyDown={(event) => event.key === "Escape" && onCancel()} onSubmit={(event) => void submit(event)}>
      <TextField label={label} value={reason} onInput={setReason} maxLength={maxLength} required hint={hint} error={empty ? missing : save.issue("reason")} />
      {save.error && <Alert tone="error">{save.error}</Alert>}
      <div class="ql-form-actions">
        <button class="btn btn-primary btn-small" type="submit" disabled={save.busy}>
          {submitLabel}
        </button>
        <button class="btn btn-default btn-small" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
