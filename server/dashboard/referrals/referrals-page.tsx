import { useState } from "preact/hooks";
import { ReferralOverviewArea } from "./referral-overview-area.js";
import { ReferralSettingsArea } from "./referral-settings-area.js";
import { ReferralsListArea } from "./referrals-list-area.js";

/** `#/referrals`: the referral program's settings, how it is doing, and every referral with the decisions it waits for. */
export function ReferralsPage() {
  // A decision or a settings change moves the overview's figures: it is read again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  return (
    <>
      <ReferralSettingsArea onSaved={changed} />
      <ReferralOverviewArea refreshKey={changes} />
      <ReferralsListArea refreshKey={0} onDecided={changed} />
    </>
  );
}
