import { useEffect, useState } from "preact/hooks";
import type { ProgramSettings, SinglePart } from "../api.js";
import { useDashboard } from "../context.js";
import { useSave } from "../ui/use-save.js";

/**
 * A whole piece of the program (earning rule, widget look, texts): read with its version, edited as a draft,
 * saved with `If-Match`; after a conflict the draft may be saved over the current version or replaced by it.
 */
export function usePartEditor<P extends SinglePart, D>(
  part: P,
  fromValue: (value: ProgramSettings[P]) => D,
  toBody: (draft: D) => unknown,
  /** `beforeSave` tidies the draft as it is sent (and shown, so refusals name the fields seen); `onSaved` hears of each save. */
  options: { beforeSave?: (draft: D) => D; onSaved?: () => void } = {},
) {
  const { api } = useDashboard();
  const [read, setRead] = useState<{ value: ProgramSettings[P]; version: string } | null>(null);
  const [draft, setDraft] = useState<D | null>(null);
  const [loadError, setLoadError] = useState("");
  const [saved, setSaved] = useState(false);
  const save = useSave<ProgramSettings[P]>();

  const load = async () => {
    try {
      const current = await api.part(part);
      setRead(current);
      return current;
    } catch (error) {
      setLoadError((error as Error).message);
      return null;
    }
  };
  useEffect(() => void load(), [part]);

  async function submit(version: string) {
    if (!draft) return;
    setSaved(false);
    const sent = options.beforeSave ? options.beforeSave(draft) : draft;
    if (sent !== draft) setDraft(sent);
    const result = await save.run(() => api.savePart(part, toBody(sent), version));
    if (result) {
      setRead(result);
      setDraft(null);
      setSaved(true);
      options.onSaved?.();
    }
  }

  return {
    read,
    draft,
    loadError,
    saved,
    save,
    edit: () => {
      if (read) setDraft(fromValue(read.value));
      setSaved(false);
    },
    set:
      <K extends keyof D>(key: K) =>
      (value: D[K]) =>
        setDraft((previous) => (previous ? { ...previous, [key]: value } : previous)),
    setDraft,
    cancel: () => {
      setDraft(null);
      save.clear();
    },
    submit: () => void submit(read?.version ?? ""),
    overwrite: async () => {
      const current = await load();
      if (current) await submit(current.version);
    },
    takeCurrent: async () => {
      const current = await load();
      if (current) setDraft(fromValue(current.value));
      save.clear();
    },
  };
}
