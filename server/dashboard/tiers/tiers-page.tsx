import { useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { usePage } from "../ui/use-page.js";
import { CustomerGroupsArea } from "./customer-groups-area.js";
import { MembershipsArea } from "./memberships-area.js";
import { TierLadderArea } from "./tier-ladder-area.js";
import { TierRulesArea } from "./tier-rules-area.js";
import { useCustomerGroups } from "./use-customer-groups.js";

/** `#/tiers`: how members qualify, the ladder with each tier's perks, group and members, and the Ecwid customer groups. */
export function TiersPage() {
  const { api } = useDashboard();
  // A save anywhere on the page moves what the others show (units, links, counts): they are read again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const rules = usePage(() => api.part("tierRules"), [changes]);
  const tiers = usePage(() => api.list("tiers"), [changes]);
  const groups = useCustomerGroups([changes]);
  const counts = usePage(() => api.tierCounts(), [changes]);
  const membersOf = (tierId: string) => (counts.data ? (counts.data.tiers.find((tier) => tier.tierId === tierId)?.members ?? 0) : null);
  const error = rules.error || tiers.error || counts.error;
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      {tiers.data && <TierRulesArea ladder={tiers.data.items} onSaved={changed} />}
      {rules.data && <TierLadderArea rules={rules.data.value} groupName={groups.nameOf} membersOf={membersOf} onChanged={changed} />}
      {tiers.data && <MembershipsArea tiers={tiers.data.items} />}
      {tiers.data && <CustomerGroupsArea groups={groups} tiers={tiers.data.items} />}
    </>
  );
}
