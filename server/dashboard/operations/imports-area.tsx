import { useEffect, useState } from "preact/hooks";
import type { BackfillJob } from "../api.js";
import { useDashboard } from "../context.js";
import type { Formatters } from "../format.js";
import { actorLabel, importStatusLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { TextField } from "../ui/field.js";
import { useSave } from "../ui/use-save.js";

const POLL_MS = 1000;
const DEFAULT_DAYS = 90;

/** A local calendar date as yyyy-mm-dd, `daysBack` days before today. */
function localDay(daysBack = 0) {
  const date = new Date();
  date.setDate(date.getDate() - daysBack);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}

const ordersWord = (n: number) => (n === 1 ? "order" : "orders");

function creditedText(job: BackfillJob, fmt: Formatters) {
  const credited = `${fmt.count(job.credited)} ${ordersWord(job.credited)} credited`;
  if (job.status === "failed") return `${credited}. The import stopped: ${job.error ?? "unknown error"}`;
  if (job.status === "done" && job.credited === 0 && job.processed > 0) return `${credited}: every order was already counted.`;
  return credited;
}

/** Import of past orders: a date range starts an import whose progress shows until done; recent imports below. */
export function ImportsArea({ onFinished }: { onFinished: () => void }) {
  const { api, fmt } = useDashboard();
  const [from, setFrom] = useState(() => localDay(DEFAULT_DAYS));
  const [to, setTo] = useState(() => localDay(0));
  const [jobs, setJobs] = useState<BackfillJob[]>([]);
  const [loadError, setLoadError] = useState("");
  const start = useSave<never>();
  const running = jobs.find((job) => job.status === "running");
  const shown = running ?? jobs[0];

  const load = async () => {
    try {
      const { items } = await api.imports();
      setJobs(items);
      setLoadError("");
      return items;
    } catch (error) {
      setLoadError(`Past imports could not be loaded: ${(error as Error).message}`);
      return null;
    }
  };
  useEffect(() => void load(), []);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(async () => {
      const items = await load();
      if (items && !items.some((job) => job.status === "running")) onFinished();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [jobs]);

  async function submit() {
    const job = await start.run(() => api.startImport({ from, to }));
    if (job) setJobs((known) => [job, ...known.filter((other) => other.id !== job.id)]);
    else void load();
  }

  return (
    <Area
      title="Import past orders"
      subtitle="Give points for orders placed before Questline was installed. Orders already counted are skipped, so importing a range twice is safe."
    >
      <form
        class="ql-toolbar ql-import-form"
        noValidate
        aria-label="Import past orders"
        onSubmit={(event) => {
          event.preventDefault();
          if (!running && !start.busy) void submit();
        }}
      >
        <TextField label="Orders placed from" type="date" value={from} onInput={setFrom} error={start.issue("from")} />
        <TextField label="To" type="date" value={to} onInput={setTo} error={start.issue("to")} />
        <button class="btn btn-primary btn-medium" type="submit" disabled={Boolean(running) || start.busy}>
          Import orders
        </button>
      </form>
      <p class="ql-hint ql-import-hint">Paid orders in the range earn with the earning rule. Up to three years at a time.</p>
      {start.error && <Alert tone="error">{start.error}</Alert>}
      {loadError && <Alert tone="error">{loadError}</Alert>}
      {shown && (
        <div class="ql-progress-panel" data-status={shown.status}>
          <div class="ql-progress-panel__head">
            <span class="ql-progress-panel__title">
              {shown.status === "running" ? "Importing" : shown.status === "done" ? "Imported" : "Stopped importing"} orders placed {fmt.dayRange(shown.from, shown.to)}
            </span>
            <span class="ql-progress-panel__count">{shown.total === null ? "Counting orders…" : `${fmt.count(shown.processed)} of ${fmt.count(shown.total)}`}</span>
          </div>
          <progress
            class="ql-progress"
            max={Math.max(shown.total ?? 1, 1)}
            value={shown.total === null ? undefined : shown.total === 0 ? 1 : shown.processed}
            aria-label="Import progress"
          />
          <div class="ql-progress-panel__note" role="status" aria-live="polite">
            {creditedText(shown, fmt)}
          </div>
        </div>
      )}
      <h3 class="ql-subhead">Recent imports</h3>
      {jobs.length === 0 ? (
        <p class="ql-status">No imports yet.</p>
      ) : (
        <div class="ql-table-wrap">
          <table class="ql-table ql-table--compact">
            <caption class="ql-visually-hidden">Recent imports</caption>
            <thead>
              <tr>
                <th scope="col">Orders placed</th>
                <th scope="col">Started</th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col" class="ql-num">
                  Orders
                </th>
                <th scope="col" class="ql-num">
                  Credited
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td data-label="Orders placed">{fmt.dayRange(job.from, job.to)}</td>
                  <td data-label="Started">{fmt.dateTime(job.startedAt)}</td>
                  <td class="ql-wrap" data-label="By">
                    {actorLabel(job.actor)}
                  </td>
                  <td data-label="Status">
                    <span class={`ql-tag ql-tag--import-${job.status}`}>{importStatusLabel(job.status)}</span>
                  </td>
                  <td class="ql-num" data-label="Orders">
                    {job.total === null ? "—" : `${fmt.count(job.processed)} of ${fmt.count(job.total)}`}
                  </td>
                  <td class="ql-num ql-strong" data-label="Credited">
                    {fmt.count(job.credited)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Area>
  );
}
