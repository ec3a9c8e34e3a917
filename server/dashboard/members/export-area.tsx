import { useState } from "preact/hooks";
import { ApiError } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";

type ExportName = "members.csv" | "ledger.csv";

/** Saves a downloaded file the way a link with `download` would: the export needs the Bearer header a plain link cannot send. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export: every member or every points entry of the store as a CSV file. */
export function ExportArea() {
  const { api } = useDashboard();
  const [busy, setBusy] = useState<ExportName | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const download = async (name: ExportName) => {
    setBusy(name);
    setOutcome(null);
    try {
      const { blob, fileName } = await api.exportCsv(name);
      save(blob, fileName);
      setOutcome({ tone: "success", text: `Downloaded ${fileName}.` });
    } catch (error) {
      setOutcome({ tone: "error", text: error instanceof ApiError ? error.message : "The export could not be downloaded." });
    } finally {
      setBusy(null);
    }
  };

  const button = (name: ExportName, label: string) => (
    <button class="btn btn-default btn-medium" type="button" disabled={busy !== null} aria-busy={busy === name} onClick={() => void download(name)}>
      {busy === name ? "Preparing…" : label}
    </button>
  );

  return (
    <Area title="Export" subtitle="Every member, or every points entry, as a CSV file for a spreadsheet or another loyalty app.">
      {outcome?.tone === "error" && <Alert tone="error">{outcome.text}</Alert>}
      <div class="ql-toolbar">
        {button("members.csv", "Export members (CSV)")}
        {button("ledger.csv", "Export ledger (CSV)")}
      </div>
      <p class="ql-status ql-status--ok" role="status" aria-live="polite">
        {outcome?.tone === "success" ? outcome.text : ""}
      </p>
    </Area>
  );
}
