import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { MemberTierView, ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { actorLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { SelectField } from "../ui/field.js";
import { useSave } from "../ui/use-save.js";

type Assigned = NonNullable<MemberTierView["state"]>["assigned"];

/** "Take away" asks first; focus starts on the button that does it and goes back to the opener on Cancel or Escape. */
function TakeAwayQuestion({ name, busy, onConfirm, onCancel }: { name: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => confirm.current?.focus(), []);
  return (
    <div
      class="ql-member-tier__confirm"
      role="group"
      aria-label={`Take ${name} away?`}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        // Escape on the member page otherwise goes back to the list.
        event.stopPropagation();
        onCancel();
      }}
    >
      <p>Take {name} away from this member? They keep any tier they earned or paid for.</p>
      <div class="ql-form-actions">
        <button ref={confirm} class="btn btn-primary btn-small" type="button" disabled={busy} onClick={onConfirm}>
          Take {name} away
        </button>
        <button class="btn btn-default btn-small" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * An invitation-only tier given to the member (a select of those tiers) or, once given, taken away after a question.
 * Nothing shows in a program without invitation-only tiers for a member given none.
 */
export function TierAssignControls({ memberId, tiers, assigned, onChanged }: { memberId: string; tiers: ProgramItem<"tiers">[]; assigned: Assigned; onChanged: () => void }) {
  const { api, fmt } = useDashboard();
  const invitational = tiers.filter((tier) => tier.inviteOnly);
  const [choice, setChoice] = useState("");
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState("");
  const save = useSave<never>();
  const opener = useRef<HTMLButtonElement>(null);
  if (invitational.length === 0 && !assigned) return null;

  const change = async (action: () => Promise<unknown>, said: string) => {
    setDone("");
    if ((await save.run(action)) === null) return;
    setAsking(false);
    setDone(said);
    onChanged();
  };
  const picked = choice || invitational[0]?.id || "";
  const name = (id: string) => tiers.find((tier) => tier.id === id)?.name ?? "A removed tier";

  return (
    <div class="ql-member-tier__assign">
      {done && <Alert tone="success">{done}</Alert>}
      {save.error && (
        <Alert tone="error" title="Not changed">
          {save.error}
        </Alert>
      )}
      {assigned ? (
        <>
          <p class="ql-member-tier__given">
            Given <strong>{name(assigned.tierId)}</strong> by {actorLabel(assigned.by)} on {fmt.date(assigned.at)}.
          </p>
          {asking ? (
            <TakeAwayQuestion
              name={name(assigned.tierId)}
              busy={save.busy}
              onConfirm={() => void change(() => api.takeTier(memberId), `${name(assigned.tierId)} taken away.`)}
              onCancel={() => {
                setAsking(false);
                requestAnimationFrame(() => opener.current?.focus());
              }}
            />
          ) : (
            <button ref={opener} class="btn btn-default btn-medium" type="button" onClick={() => setAsking(true)}>
              Take away
            </button>
          )}
        </>
      ) : (
        <form
          class="ql-toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (!save.busy) void change(() => api.giveTier(memberId, picked), `${name(picked)} given.`);
          }}
        >
          <div class="ql-toolbar__grow">
            <SelectField label="Invitation-only tier" value={picked} options={invitational.map((tier) => [tier.id, tier.name])} onChange={setChoice} />
          </div>
          <button class="btn btn-default btn-medium" type="submit" disabled={save.busy}>
            Give tier
          </button>
        </form>
      )}
    </div>
  );
}
