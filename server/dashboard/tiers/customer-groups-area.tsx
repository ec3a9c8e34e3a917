import { useState } from "preact/hooks";
import type { CustomerGroupSync } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { useSave } from "../ui/use-save.js";
import type { Tier } from "./tier-draft.js";
import type { useCustomerGroups } from "./use-customer-groups.js";

/** What group linking moves and leaves alone, links to groups Ecwid no longer has, and a fresh look at every member's group. */
export function CustomerGroupsArea({ groups, tiers }: { groups: ReturnType<typeof useCustomerGroups>; tiers: Tier[] }) {
  const { api } = useDashboard();
  const syncing = useSave<never>();
  const [synced, setSynced] = useState<CustomerGroupSync | null>(null);
  const nameOf = (tierId: string) => tiers.find((tier) => tier.id === tierId)?.name ?? tierId;

  async function sync() {
    setSynced(null);
    setSynced(await syncing.run(() => api.syncCustomerGroups()));
  }

  return (
    <Area title="Ecwid customer groups" subtitle="Link a tier to a group in the tier's form: its members get the group's prices, discounts and shipping rules at checkout.">
      {groups.unavailable && (
        <Alert tone="info" title="Customer groups are off">
          {groups.unavailable}
        </Alert>
      )}
      {groups.error && <Alert tone="error">{groups.error}</Alert>}
      {groups.list?.missing.map((link) => (
        <Alert key={link.tierId} tone="warning">
          “{nameOf(link.tierId)}” links to group #{link.customerGroupId}, which Ecwid no longer has: its members are not moved until you choose another group.
        </Alert>
      ))}
      <p class="ql-groups-note">
        A customer has one group in Ecwid. Questline moves only customers in General or in a group linked to a tier; one you put in another group (say Wholesale) is left alone, and
        so are guests who checked out without an Ecwid account.
      </p>
      {synced && (
        <Alert tone="success">
          {synced.started
            ? "Every member's group is being checked again in the background: each customer in General or a linked group is moved to their tier's group within a few minutes."
            : "A check of every member's group started less than a minute ago and is still running, so no other was started."}
        </Alert>
      )}
      {syncing.error && <Alert tone="error">{syncing.error}</Alert>}
      <div class="ql-form-actions">
        <button class="btn btn-default btn-medium" type="button" disabled={syncing.busy} aria-busy={syncing.busy} onClick={() => void sync()}>
          Check every member's group again
        </button>
      </div>
    </Area>
  );
}
