import { useEffect, useState } from "preact/hooks";
import type { ProgramTemplate, TemplateApplied } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { ConfirmStrip } from "../ui/confirm-strip.js";

const listWords = (counts: ProgramTemplate["counts"]) =>
  (Object.entries(counts) as [keyof ProgramTemplate["counts"], number][])
    .filter(([, n]) => n > 0)
    .map(([list, n]) => `${n} ${n === 1 ? list.slice(0, -1) : list}`)
    .join(", ");

/** Ready programs the merchant adds to theirs with one click and a confirmation, then edits. */
export function TemplatesArea({ onApplied }: { onApplied: () => void }) {
  const { api } = useDashboard();
  const [templates, setTemplates] = useState<ProgramTemplate[] | null>(null);
  const [busy, setBusy] = useState("");
  const [confirming, setConfirming] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  useEffect(() => {
    api.templates().then(
      (list) => setTemplates(list.items),
      (error: Error) => setMessage({ tone: "error", text: error.message }),
    );
  }, []);

  async function apply(template: ProgramTemplate) {
    setConfirming("");
    setBusy(template.id);
    try {
      const applied: TemplateApplied = await api.applyTemplate(template.id);
      const added = listWords(applied.added);
      const skipped = applied.skipped.length ? ` Not added, as your store has no category for it yet: ${applied.skipped.join(", ")}.` : "";
      setMessage({
        tone: "success",
        text: `${added ? `Added ${added}` : `Everything in “${template.name}” is already in your program`}.${skipped} Follow tasks come as drafts: set your links, then make them active.`,
      });
      onApplied();
    } catch (error) {
      setMessage({ tone: "error", text: (error as Error).message });
    } finally {
      setBusy("");
    }
  }

  return (
    <Area title="Start from a template" subtitle="A ready program with challenges, badges, tiers and rewards. Add one, then change anything.">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {!templates && !message && <p class="ql-status">Loading…</p>}
      {templates && (
        <ul class="ql-templates">
          {templates.map((template) => (
            <li class="ql-templates__item" key={template.id}>
              <div class="ql-items__name">{template.name}</div>
              <p class="ql-items__line">{template.description}</p>
              <p class="ql-hint">{listWords(template.counts)}</p>
              <button class="btn btn-default btn-small" type="button" disabled={busy !== ""} aria-busy={busy === template.id} onClick={() => setConfirming(template.id)}>
                Use {template.name}
              </button>
              {confirming === template.id && (
                <ConfirmStrip
                  question={`Add the “${template.name}” template to your program: ${listWords(template.counts)}? What you already have stays as it is.`}
                  confirmLabel="Add it"
                  onConfirm={() => void apply(template)}
                  onCancel={() => setConfirming("")}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Area>
  );
}
