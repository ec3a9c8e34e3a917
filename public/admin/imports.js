import { byId, el, setText, showAlert } from "./dom.js";
import { actorLabel, importStatusLabel } from "./labels.js";

const POLL_MS = 1000;
const DEFAULT_DAYS = 90;

/** A local calendar date as yyyy-mm-dd, `daysBack` days before today. */
function localDay(daysBack = 0) {
  const date = new Date();
  date.setDate(date.getDate() - daysBack);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The "Import past orders" area: a date range starts a backfill, whose progress is polled every second
 * until it is done; the recent imports are listed below. A job still running when the page opens is
 * picked up again.
 */
export function createImports({ api, fmt, onFinished }) {
  const form = byId("import-form");
  const from = byId("import-from");
  const to = byId("import-to");
  const submit = byId("import-submit");
  const error = byId("import-error");
  const panel = byId("import-progress");
  const bar = byId("import-progress-bar");
  const body = byId("imports-body");
  const status = byId("imports-status");
  let jobs = [];
  let watching = null;
  let pollError = false;

  from.value = localDay(DEFAULT_DAYS);
  to.value = localDay(0);
  from.max = to.max = localDay(0);

  const ordersWord = (n) => (n === 1 ? "order" : "orders");
  const progressText = (job) => (job.total === null ? "Counting orders…" : `${fmt.count(job.processed)} of ${fmt.count(job.total)} ${ordersWord(job.total)}`);

  function creditedText(job) {
    const credited = `${fmt.count(job.credited)} ${ordersWord(job.credited)} credited`;
    if (job.status === "failed") return `${credited}. The import stopped: ${job.error ?? "unknown error"}`;
    if (job.status === "done" && job.credited === 0 && job.processed > 0) return `${credited}: every order was already counted.`;
    return credited;
  }

  function showProgress(job) {
    const range = fmt.dayRange(job.from, job.to);
    const titles = { running: `Importing orders placed ${range}`, done: `Imported orders placed ${range}`, failed: `Import of ${range} stopped` };
    panel.hidden = false;
    panel.dataset.status = job.status;
    setText("import-progress-title", titles[job.status] ?? range);
    setText("import-progress-count", job.total === null ? "Counting orders…" : `${fmt.count(job.processed)} of ${fmt.count(job.total)}`);
    setText("import-credited", creditedText(job));
    bar.setAttribute("aria-valuetext", progressText(job));
    if (job.total === null) bar.removeAttribute("value");
    else {
      bar.max = Math.max(job.total, 1);
      bar.value = job.total === 0 ? 1 : Math.min(job.processed, job.total);
    }
  }

  function row(job) {
    return el(
      "tr",
      { "data-job-id": job.id },
      el("td", { "data-label": "Orders placed" }, fmt.dayRange(job.from, job.to)),
      el("td", { "data-label": "Started" }, fmt.dateTime(job.startedAt)),
      el("td", { class: "ql-wrap", "data-label": "By" }, actorLabel(job.actor)),
      el("td", { "data-label": "Status" }, el("span", { class: `ql-tag ql-tag--import-${job.status}` }, importStatusLabel(job.status))),
      el("td", { class: "ql-num", "data-label": "Orders" }, job.total === null ? "—" : progressText(job)),
      el("td", { class: "ql-num ql-strong", "data-label": "Credited" }, fmt.count(job.credited)),
    );
  }

  function renderList() {
    body.replaceChildren(...jobs.map(row));
    byId("imports-table").hidden = jobs.length === 0;
    status.textContent = jobs.length === 0 ? "No imports yet." : "";
  }

  function remember(job) {
    jobs = [job, ...jobs.filter((known) => known.id !== job.id)].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    renderList();
  }

  function setRunning(on) {
    submit.disabled = on;
    form.setAttribute("aria-busy", String(on));
  }

  async function poll(id) {
    let job;
    try {
      job = await api.importJob(id);
    } catch (err) {
      if (watching !== id) return;
      if (err.status === 401 || err.status === 404) {
        watching = null;
        setRunning(false);
        return showAlert(error, err.message);
      }
      pollError = true;
      showAlert(error, `The import's progress could not be checked (${err.message}). Trying again…`);
      return void setTimeout(() => void poll(id), POLL_MS);
    }
    if (watching !== id) return;
    if (pollError) showAlert(error, "");
    pollError = false;
    remember(job);
    showProgress(job);
    if (job.status === "running") setTimeout(() => void poll(id), POLL_MS);
    else {
      watching = null;
      setRunning(false);
      onFinished(job);
    }
  }

  function watch(job) {
    watching = job.id;
    setRunning(true);
    showProgress(job);
    setTimeout(() => void poll(job.id), POLL_MS);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    showAlert(error, "");
    if (!from.value || !to.value) return showAlert(error, "Choose both dates.");
    if (from.value > to.value) return showAlert(error, "The first date must not be after the second.");
    setRunning(true);
    submit.classList.add("btn-loading");
    try {
      const job = await api.startImport({ from: from.value, to: to.value });
      remember(job);
      watch(job);
    } catch (err) {
      setRunning(false);
      showAlert(error, err.message);
      if (err.status === 409) void load();
    } finally {
      submit.classList.remove("btn-loading");
    }
  });

  async function load() {
    try {
      jobs = (await api.imports()).items;
      renderList();
      const running = jobs.find((job) => job.status === "running");
      if (running && watching !== running.id) watch(running);
    } catch (err) {
      showAlert(error, `Past imports could not be loaded: ${err.message}`);
    }
  }

  return { load };
}
