import { useState } from "preact/hooks";
import type { ListPart, ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { useSave } from "../ui/use-save.js";
import type { ItemEditorProps } from "./program-list.js";

/**
 * The state of one item form: the draft as the merchant typed it, the version it was read at (sent as
 * `If-Match`), and the save with its refusal. After a conflict the merchant may save the draft over the
 * current version or take the current version into the form.
 */
export function useItemEditor<L extends ListPart, D>(
  list: L,
  { item, version, onDone }: ItemEditorProps<L>,
  fromItem: (item: ProgramItem<L> | null) => D,
  toBody: (draft: D) => unknown,
) {
  const { api } = useDashboard();
  const [draft, setDraft] = useState<D>(() => fromItem(item));
  const [readAt, setReadAt] = useState(version);
  const save = useSave<ProgramItem<L>>();
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));

  async function submit(at = readAt) {
    const body = toBody(draft);
    const saved = await save.run(() => (item ? api.update(list, item.id, body, at) : api.create(list, body)));
    if (saved) onDone(true);
  }

  async function latest() {
    if (!item) return null;
    const current = await api.item(list, item.id);
    setReadAt(current.version);
    return current;
  }

  return {
    draft,
    setDraft,
    set,
    save,
    submit: () => void submit(),
    overwrite: async () => {
      const current = await latest();
      if (current) await submit(current.version);
    },
    takeCurrent: async () => {
      const current = await latest();
      if (current) setDraft(fromItem(current.value));
      save.clear();
    },
    cancel: () => onDone(false),
  };
}
