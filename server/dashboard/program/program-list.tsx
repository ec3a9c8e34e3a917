import type { ComponentChildren, FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, type ListPart, type ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { ConfirmStrip } from "../ui/confirm-strip.js";

/** What an item form gets: the item and the version it was read at (none for a new one), and where to go after. */
export interface ItemEditorProps<L extends ListPart> {
  item: ProgramItem<L> | null;
  version: string;
  /** `saved`: false when the merchant cancelled. */
  onDone: (saved: boolean) => void;
}

interface ProgramListProps<L extends ListPart> {
  list: L;
  title: string;
  subtitle: string;
  noun: string;
  summary: (item: ProgramItem<L>) => { name: string; line: string };
  /** The form that opens under the list; or, with `pageOf`, the page an item is edited on. */
  Editor?: FunctionComponent<ItemEditorProps<L>>;
  pageOf?: (id: string | null) => string;
  /** Called after a save or delete went through. */
  onChanged?: () => void;
  /** The items in the order shown; as saved without it. */
  order?: (items: ProgramItem<L>[]) => ProgramItem<L>[];
  /** The question asked before a delete, in place of the plain one; null keeps the item without asking. */
  removeQuestion?: (item: ProgramItem<L>, items: ProgramItem<L>[]) => Promise<string | null>;
  /** Shown at the top of the list's card (e.g. a delete's preview running). */
  notice?: ComponentChildren;
}

type Editing = { id: string | null } | null;

/** One list of the program (challenges, badges, tiers, rewards): its items, and a form to add, change or delete each. */
export function ProgramList<L extends ListPart>({ list, title, subtitle, noun, summary, Editor, pageOf, onChanged, order, removeQuestion, notice }: ProgramListProps<L>) {
  const { api, navigate } = useDashboard();
  const [data, setData] = useState<{ items: ProgramItem<L>[]; versions: Record<string, string> } | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [confirming, setConfirming] = useState<{ id: string; question: string } | null>(null);

  const load = async () => {
    try {
      setData(await api.list(list));
    } catch (error) {
      setMessage({ tone: "error", text: (error as Error).message });
    }
  };
  useEffect(() => void load(), [list]);

  async function askToRemove(item: ProgramItem<L>) {
    const question = removeQuestion ? await removeQuestion(item, data?.items ?? []) : `Delete the ${noun} “${summary(item).name}”?`;
    setConfirming(question === null ? null : { id: item.id, question });
  }

  async function remove(item: ProgramItem<L>) {
    setConfirming(null);
    try {
      await api.remove(list, item.id, data?.versions[item.id] ?? "");
      setMessage({ tone: "success", text: `Deleted the ${noun} “${summary(item).name}”.` });
    } catch (error) {
      const changed = error instanceof ApiError && error.code === "version_conflict";
      setMessage({
        tone: "error",
        text: changed ? `The ${noun} “${summary(item).name}” was changed elsewhere, so it was not deleted. Look at it again first.` : (error as Error).message,
      });
    }
    await load();
  }

  const done = (saved: boolean) => {
    setEditing(null);
    void load();
    if (saved) onChanged?.();
  };
  const edit = (id: string | null) => (pageOf ? navigate(pageOf(id)) : setEditing({ id }));
  const editedItem = editing?.id ? (data?.items.find((item) => item.id === editing.id) ?? null) : null;

  return (
    <Area title={title} subtitle={subtitle}>
      {notice}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {!data && <p class="ql-status">Loading…</p>}
      {data && data.items.length === 0 && !editing && <p class="ql-status">None yet.</p>}
      {data && data.items.length > 0 && (
        <ul class="ql-items" aria-label={title}>
          {(order ? order(data.items) : data.items).map((item) => {
            const { name, line } = summary(item);
            return (
              <li class="ql-items__item" key={item.id} data-item-id={item.id}>
                <div class="ql-items__main">
                  <div class="ql-items__name">{name}</div>
                  <div class="ql-items__line">{line}</div>
                </div>
                <div class="ql-items__actions">
                  <button class="btn btn-default btn-small" type="button" aria-label={`Edit ${name}`} onClick={() => edit(item.id)}>
                    Edit
                  </button>
                  <button class="btn btn-default btn-small" type="button" aria-label={`Delete ${name}`} onClick={() => void askToRemove(item)}>
                    Delete
                  </button>
                </div>
                {confirming?.id === item.id && (
                  <ConfirmStrip question={confirming.question} confirmLabel="Delete" onConfirm={() => void remove(item)} onCancel={() => setConfirming(null)} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* Above the form it opens, so it never reads as a third button beside that form's Save and Cancel; hidden
          while an item is edited (focus then goes back to the item's own Edit button). */}
      {data && editing?.id == null && (
        <div class="ql-form-actions">
          <button class="btn btn-default btn-medium" type="button" aria-expanded={editing?.id === null} onClick={() => edit(null)}>
            Add {noun}
          </button>
        </div>
      )}
      {editing && data && Editor && <Editor key={editing.id ?? "new"} item={editedItem} version={editing.id ? (data.versions[editing.id] ?? "") : ""} onDone={done} />}
    </Area>
  );
}
