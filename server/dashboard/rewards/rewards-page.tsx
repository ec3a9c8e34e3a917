import { useState } from "preact/hooks";
import { DonationsArea } from "./donations-area.js";
import { RedemptionsArea } from "./redemptions-area.js";

/** The merchant's side of rewards: every redemption, experiences to fulfil, donations to pay out. */
export function RewardsPage() {
  const [changes, setChanges] = useState(0);
  return (
    <>
      <RedemptionsArea refreshKey={changes} onFulfilled={() => setChanges((n) => n + 1)} />
      <DonationsArea refreshKey={changes} onPaid={() => setChanges((n) => n + 1)} />
    </>
  );
}
