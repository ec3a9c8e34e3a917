import { useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Field } from "../ui/field.js";
import { useCustomerGroups } from "./use-customer-groups.js";

const CREATE = "create";

/**
 * The Ecwid customer group a tier's members are moved into: one of the store's groups, none, or a new one named
 * after the tier (made in Ecwid at once, then chosen). Off, with the reason, on a plan without customer groups.
 */
export function TierGroupField({
  tierId,
  tierName,
  value,
  onChange,
  error,
}: {
  tierId: string | null;
  tierName: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { api } = useDashboard();
  const groups = useCustomerGroups();
  const [creating, setCreating] = useState<{ busy: boolean; message: string }>({ busy: false, message: "" });
  const linkedElsewhere = (tierIds: string[]) => tierIds.some((id) => id !== tierId);
  const known = groups.list?.groups.some((group) => String(group.id) === value) ?? true;

  async function create() {
    const name = tierName.trim();
    if (!name) return setCreating({ busy: false, message: "Name the tier first: the group takes its name." });
    setCreating({ busy: true, message: "" });
    try {
      const group = await api.createCustomerGroup(name);
      groups.reload();
      onChange(String(group.id));
      setCreating({ busy: false, message: `Created the group “${group.name}” in Ecwid.` });
    } catch (failure) {
      setCreating({ busy: false, message: (failure as Error).message });
    }
  }

  const hint = groups.error || creating.message || "Ecwid's group prices, discounts and shipping rules then apply to the tier's members at checkout.";
  return (
    <>
      {groups.unavailable && (
        <Alert tone="info" title="Customer groups are off">
          {groups.unavailable}
        </Alert>
      )}
      <Field label="Ecwid customer group" hint={groups.loading ? "Loading the store's groups…" : hint} error={error}>
        {({ id, describedBy, invalid }) => (
          <select
            class="field__input"
            id={id}
            value={value}
            disabled={!groups.list || creating.busy}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => (event.currentTarget.value === CREATE ? void create() : onChange(event.currentTarget.value))}
          >
            <option value="">None</option>
            {!known && <option value={value}>Group #{value} (no longer in Ecwid)</option>}
            {groups.list?.groups
              .filter((group) => group.id !== 0)
              .map((group) => (
                <option key={group.id} value={String(group.id)} disabled={linkedElsewhere(group.tierIds)}>
                  {group.name}
                  {linkedElsewhere(group.tierIds) ? " (linked to another tier)" : ""}
                </option>
              ))}
            <option value={CREATE}>Create a group named after this tier</option>
          </select>
        )}
      </Field>
    </>
  );
}
