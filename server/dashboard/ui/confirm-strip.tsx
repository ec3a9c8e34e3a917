import { useId, useLayoutEffect, useRef } from "preact/hooks";

interface ConfirmStripProps {
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * An in-page yes/no in place of window.confirm(), which looks foreign inside Ecwid's iframe and returns false at once
 * where the iframe may not open dialogs. Focus starts on the confirm button, so the question (the group's name) is read
 * out; Escape or "Keep it" cancels and gives focus back to the button that asked.
 */
export function ConfirmStrip({ question, confirmLabel, onConfirm, onCancel }: ConfirmStripProps) {
  const questionId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  useLayoutEffect(() => {
    opener.current = document.activeElement;
    confirmButton.current?.focus();
  }, []);

  const cancel = () => {
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    onCancel();
  };

  return (
    <div
      class="ql-confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        // A page may take Escape to mean "back to the list".
        event.stopPropagation();
        cancel();
      }}
    >
      <p class="ql-confirm__question" id={questionId}>
        {question}
      </p>
      <div class="ql-confirm__actions">
        <button ref={confirmButton} class="btn btn-primary btn-small" type="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button class="btn btn-default btn-small" type="button" onClick={cancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
