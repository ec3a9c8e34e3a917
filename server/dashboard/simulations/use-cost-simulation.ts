import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type OrderFetch, type Simulation, type SimulationRequest } from "../api.js";
import { useDashboard } from "../context.js";

/** What the panel shows: nothing asked yet, orders being fetched (with the fetch's progress), the replay running, its figures, or why not. */
export type CostState =
  | { phase: "idle" }
  | { phase: "fetching"; fetch: OrderFetch | null }
  | { phase: "simulating" }
  | { phase: "shown"; key: string; result: Simulation }
  | { phase: "failed"; message: string };

/** How often a simulation refused as busy is asked again before giving up. */
const MAX_WAITS = 10;

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** A refusal in words: a field the proposal got wrong names its place in the form's terms. */
function reason(error: unknown): string {
  if (!(error instanceof ApiError)) return "The figures could not be worked out. Try again.";
  const issue = error.issues[0];
  return issue ? `Fix the form first: ${issue.path.join(" › ")} ${issue.message}.` : error.message;
}

/**
 * The cost simulator for a form: the first time, the store's orders of the last 12 months are fetched from Ecwid
 * (progress polled each second), then the proposal is replayed over them. `shownFor(proposal)` is the answer only
 * while the form still holds exactly what was asked; any edit after it asks again.
 */
export function useCostSimulation() {
  const { api } = useDashboard();
  const [state, setState] = useState<CostState>({ phase: "idle" });
  const open = useRef(true);
  useEffect(() => () => void (open.current = false), []);

  /** Waits for a snapshot: `refresh` fetches a new one even when one is ready. */
  async function snapshot(refresh: boolean): Promise<void> {
    let fetch = (await api.simulationOrders()).fetch;
    const before = fetch?.ready?.generation ?? null;
    if (refresh || !fetch || (!fetch.ready && fetch.status !== "running")) {
      try {
        fetch = (await api.fetchSimulationOrders()).fetch;
      } catch (error) {
        // One already running (another tab): wait for it.
        if (!(error instanceof ApiError && error.status === 409)) throw error;
      }
    }
    const done = (current: OrderFetch | null) => current?.ready && (!refresh || current.ready.generation !== before);
    while (open.current && !done(fetch)) {
      if (fetch?.status === "failed") throw new ApiError(502, "fetch_failed", `Your orders could not be fetched from Ecwid (${fetch.error ?? "no answer"}). Try again.`);
      setState({ phase: "fetching", fetch });
      await pause(1);
      fetch = (await api.simulationOrders()).fetch;
    }
  }

  /** A 429 (a simulation of this store already running, another tab's) is asked again after its Retry-After, a few times. */
  async function simulate(proposal: SimulationRequest, waits = 0): Promise<Simulation> {
    try {
      return await api.simulate(proposal);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 429 && waits < MAX_WAITS && open.current)) throw error;
      await pause(Number(error.body.retryAfterSeconds) || 1);
      return simulate(proposal, waits + 1);
    }
  }

  async function ask(proposal: SimulationRequest, refresh = false) {
    try {
      await snapshot(refresh);
      if (!open.current) return;
      setState({ phase: "simulating" });
      const result = await simulate(proposal);
      if (open.current) setState({ phase: "shown", key: JSON.stringify(proposal), result });
    } catch (error) {
      if (open.current) setState({ phase: "failed", message: reason(error) });
    }
  }

  return {
    state,
    ask,
    shownFor: (proposal: SimulationRequest) => (state.phase === "shown" && state.key === JSON.stringify(proposal) ? state.result : null),
  };
}
