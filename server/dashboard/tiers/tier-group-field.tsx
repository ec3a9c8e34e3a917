import { useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Field } from "../ui/field.js";
import { useCustomerGroups } from "./use-customer-groups.js";

/**
 * The Ecwid customer group a tier's members are moved into: one of the store's groups or none, and a button that
 * makes a group named after the tier in Ecwid (or picks the one already so named). Off, with the reason, on a plan
 * without customer groups.
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
  const choices = groups.list?.groups.filter((group) => group.id !== 0) ?? [];
  const known = value === "" || !groups.list || choices.some((group) => String(group.id) === value);
  const name = tierName.trim();

  async function create() {
    if (!name) return setCreating({ busy: false, message: "Name the tier first: the group takes its name." });
    // Ecwid would keep two groups of one name; the merchant could not tell them apart in its lists.
    const same = choices.find((group) => group.name.trim().toLowerCase() === name.toLowerCase());
    if (same && linkedElsewhere(same.tierIds)) return setCreating({ busy: false, message: `The group “${same.name}” already exists in Ecwid and is linked to another tier.` });
    if (same) {
      onChange(String(same.id));
      return setCreating({ busy: false, message: `The group “${same.name}” already exists in Ecwid: chosen, nothing created.` });
    }
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
          <div class="ql-group-pick">
            <select
              class="field__input"
              id={id}
              value={value}
              disabled={!groups.list || creating.busy}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(event) => onChange(event.currentTarget.value)}
            >
              <option value="">None</option>
              {!known && <option value={value}>Group #{value} (no longer in Ecwid)</option>}
              {choices.map((group) => (
                <option key={group.id} value={String(group.id)} disabled={linkedElsewhere(group.tierIds)}>
                  {group.name}
                  {linkedElsewhere(group.tierIds) ? " (linked to another tier)" : ""}
                </option>
              ))}
            </select>
            <button class="btn btn-default btn-medium" type="button" disabled={!groups.list || creating.busy} onClick={() => void create()}>
              {name ? `Create group “${name}” in Ecwid` : "Create a group named after this tier"}
            </button>
          </div>
        )}
      </Field>
    </>
  );
}
