import { useId } from "preact/hooks";
import type { SimulationRequest } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { CostFigures } from "./cost-figures.js";
import { useCostSimulation } from "./use-cost-simulation.js";

/**
 * "What would this cost?" under a program form, before it is saved: the form's proposal replayed over the store's
 * paid orders of the last 12 months, beside the program now and what the ledger recorded for them.
 */
export function CostPanel({ proposal }: { proposal: SimulationRequest }) {
  const { fmt } = useDashboard();
  const id = useId();
  const { state, ask, shownFor } = useCostSimulation();
  const shown = shownFor(proposal);
  const busy = state.phase === "fetching" || state.phase === "simulating";
  return (
    <section class="ql-cost" aria-labelledby={id} data-testid="cost-panel">
      <h4 class="ql-cost__title" id={id}>
        What would this cost?
      </h4>
      <p class="ql-hint">
        Your paid orders of the last 12 months replayed as if this program had run all year: order points and tier multipliers (challenges, referrals and birthdays not counted).
      </p>
      {state.phase === "fetching" && (
        <div role="status">
          <progress class="ql-progress" max={state.fetch?.total || 1} value={state.fetch?.total ? state.fetch.listed : undefined} aria-label="Orders fetched from Ecwid" />
          <p class="ql-progress-panel__note">
            Fetching your orders of the last 12 months from Ecwid (once; later answers are at once):{" "}
            {state.fetch?.total ? `${fmt.count(state.fetch.listed)} of ${fmt.count(state.fetch.total)}` : "starting"}…
          </p>
        </div>
      )}
      {state.phase === "simulating" && (
        <p class="ql-status" role="status">
          Replaying the orders…
        </p>
      )}
      {state.phase === "failed" && <Alert tone="error">{state.message}</Alert>}
      {shown && (
        <>
          <CostFigures result={shown} />
          <p class="ql-hint">
            {fmt.count(shown.snapshot.orders)} orders placed {fmt.date(shown.snapshot.from)} – {fmt.date(shown.snapshot.to)}, fetched {fmt.dateTime(shown.snapshot.fetchedAt)}
            {shown.snapshot.capped ? " (the newest were left out: a snapshot keeps 100,000 orders)" : ""}.
          </p>
        </>
      )}
      <div class="ql-form-actions">
        {!shown && (
          <button class="btn btn-default btn-small" type="button" disabled={busy} onClick={() => void ask(proposal)}>
            {busy ? "Working it out…" : "Work out the cost"}
          </button>
        )}
        {shown && (
          <button class="btn btn-default btn-small" type="button" disabled={busy} onClick={() => void ask(proposal, true)}>
            Fetch the orders again
          </button>
        )}
      </div>
    </section>
  );
}
