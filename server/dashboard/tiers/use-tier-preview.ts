import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type TierPreview, type TierProposal } from "../api.js";
import { useDashboard } from "../context.js";
import { useSave } from "../ui/use-save.js";

/** How often a preview refused as busy (another one running for the store) is asked again before giving up. */
const MAX_WAITS = 30;

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Who a proposed ladder and rules would move, asked before a save. A 429 (a preview already running for the store)
 * is asked again after its Retry-After. `drop` as useSave's, so a refused field shows beside the form's own field.
 * `shownFor(proposal)` is the answer when it was given for exactly this proposal; any edit after it asks again.
 */
export function useTierPreview(drop: number) {
  const { api } = useDashboard();
  const checking = useSave<never>(drop);
  const [answer, setAnswer] = useState<{ key: string; result: TierPreview } | null>(null);
  const open = useRef(true);
  useEffect(() => () => void (open.current = false), []);

  async function ask(proposal: TierProposal, waits = 0): Promise<TierPreview> {
    try {
      return await api.tierPreview(proposal);
    } catch (error) {
      const busy = error instanceof ApiError && error.status === 429 && waits < MAX_WAITS && open.current;
      if (!busy) throw error;
      const seconds = Number(error.body.retryAfterSeconds);
      await pause(Number.isFinite(seconds) && seconds > 0 ? seconds : 1);
      return ask(proposal, waits + 1);
    }
  }

  async function check(proposal: TierProposal) {
    const result = await checking.run(() => ask(proposal));
    if (result && open.current) setAnswer({ key: JSON.stringify(proposal), result });
    return result;
  }

  return {
    check,
    checking,
    shownFor: (proposal: TierProposal) => (answer?.key === JSON.stringify(proposal) ? answer.result : null),
  };
}
