import { useState } from "preact/hooks";
import { ApiError, type ImportReport } from "../api.js";
import { useDashboard } from "../context.js";
import type { Formatters } from "../format.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { Field } from "../ui/field.js";
import { SimpleTable } from "../ui/simple-table.js";

type Step = { at: "choose" } | { at: "checking" | "importing"; file: File } | { at: "checked"; file: File; report: ImportReport } | { at: "done"; report: ImportReport };

/** Refused rows listed on the page: a file can refuse 50,000, which no one reads and the page should not draw. */
const REFUSED_SHOWN = 100;

const plural = (n: number, one: string, many: string, fmt: Formatters) => `${fmt.count(n)} ${n === 1 ? one : many}`;

/** The report in one sentence: what the file does (or did) to the store. */
function reportWords(report: ImportReport, fmt: Formatters): string {
  const rows = plural(report.rows, "row", "rows", fmt);
  const changes = [
    `${plural(report.created, "new member", "new members", fmt)}`,
    `${plural(report.changed, "starting balance", "starting balances", fmt)} changed`,
    `${fmt.count(report.unchanged)} unchanged`,
    `${fmt.count(report.pointsAdded)} points added`,
    ...(report.pointsRemoved > 0 ? [`${fmt.count(report.pointsRemoved)} points taken back`] : []),
  ].join(", ");
  return report.applied ? `Imported ${rows}: ${changes}.` : `${rows} read: ${changes}.`;
}

/** Import: a CSV of starting balances, checked first (a dry run with every refused row), applied only once the merchant confirms. */
export function ImportArea() {
  const { api, fmt } = useDashboard();
  const [step, setStep] = useState<Step>({ at: "choose" });
  const [failure, setFailure] = useState<string | null>(null);
  // A new file input after Cancel, so choosing the same file again is a change.
  const [round, setRound] = useState(0);

  const send = async (file: File, dryRun: boolean) => {
    setFailure(null);
    setStep({ at: dryRun ? "checking" : "importing", file });
    try {
      const report = await api.importBalances(file, dryRun);
      setStep(dryRun ? { at: "checked", file, report } : { at: "done", report });
    } catch (error) {
      // A file refused at import time (the store changed since the check) comes back with its report.
      if (error instanceof ApiError && error.code === "import_rejected") setStep({ at: "checked", file, report: error.body as unknown as ImportReport });
      else setStep({ at: "choose" });
      setFailure(error instanceof ApiError ? error.message : "The file could not be sent.");
    }
  };

  const report = step.at === "checked" || step.at === "done" ? step.report : null;
  const busy = step.at === "checking" || step.at === "importing";

  return (
    <Area
      title="Import balances"
      subtitle="Starting balances from another loyalty app, or from another store's Export members (a store's own export is refused: its balances are already there). Email and points (or balance_points) are read, with customer_id and language when present; other columns are ignored. Up to 5 MB and 50,000 rows, UTF-8."
    >
      {failure && <Alert tone="error">{failure}</Alert>}
      <Field label="CSV file">
        {({ id, describedBy }) => (
          <input
            key={round}
            id={id}
            aria-describedby={describedBy}
            class="field__input"
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void send(file, true);
            }}
          />
        )}
      </Field>
      <p class="ql-status" role="status" aria-live="polite">
        {step.at === "checking" ? `Checking ${step.file.name}…` : step.at === "importing" ? `Importing ${step.file.name}…` : report ? reportWords(report, fmt) : ""}
      </p>
      {report && report.columns.ignored.length > 0 && <p class="ql-hint">Columns not read: {report.columns.ignored.join(", ")}.</p>}
      {report && report.rejected.length > 0 && (
        <>
          <Alert tone="warning" title={`${plural(report.rejected.length, "row", "rows", fmt)} refused`}>
            Nothing is imported while any row is refused. Correct the file and choose it again.
          </Alert>
          <SimpleTable
            caption="Refused rows"
            testId="import-rejected"
            columns={[
              { label: "Line", cell: (row) => `Line ${fmt.count(row.line)}` },
              { label: "Email", cell: (row) => row.email ?? "—" },
              { label: "Reason", cell: (row) => row.reason },
            ]}
            rows={report.rejected.slice(0, REFUSED_SHOWN)}
            rowKey={(row) => String(row.line)}
            empty=""
          />
          {report.rejected.length > REFUSED_SHOWN && (
            <p class="ql-hint">
              And {plural(report.rejected.length - REFUSED_SHOWN, "more refused row", "more refused rows", fmt)}: correct the rows above and check the file again to see them.
            </p>
          )}
        </>
      )}
      {step.at === "checked" && step.report.rejected.length === 0 && (
        <div class="ql-toolbar">
          <button class="btn btn-primary btn-medium" type="button" onClick={() => void send(step.file, false)}>
            Import {plural(step.report.rows, "row", "rows", fmt)}
          </button>
          <button class="btn btn-default btn-medium" type="button" onClick={() => (setStep({ at: "choose" }), setRound(round + 1))}>
            Cancel
          </button>
        </div>
      )}
      <p class="ql-hint">Importing the same file again changes nothing; a corrected file changes only the balances that differ.</p>
    </Area>
  );
}
