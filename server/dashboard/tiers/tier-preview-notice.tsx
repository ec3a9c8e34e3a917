import type { TierPreview } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import type { useTierPreview } from "./use-tier-preview.js";
import { previewWords } from "./tier-words.js";

/** Under a tier or rules form: the preview running, its refusal, or who saving would move, to confirm with Save or drop with Cancel. */
export function TierPreviewNotice({
  preview,
  shown,
  graceDays,
  saveLabel,
}: {
  preview: ReturnType<typeof useTierPreview>;
  shown: TierPreview | null;
  graceDays: number;
  saveLabel: string;
}) {
  const { fmt } = useDashboard();
  const { checking } = preview;
  if (checking.busy)
    return (
      <p class="ql-status" role="status">
        Counting the members this would move…
      </p>
    );
  if (checking.error) return <Alert tone="error">{checking.error}</Alert>;
  if (!shown) return null;
  return (
    <Alert tone="info" title="Before you save">
      <p>{previewWords(shown, graceDays, fmt)}</p>
      <p>Nobody moves at once: each member keeps their tier until their next review under the new rules. {saveLabel} to go ahead, or Cancel.</p>
    </Alert>
  );
}
