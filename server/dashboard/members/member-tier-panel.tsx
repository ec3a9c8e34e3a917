import type { MemberTierView, ProgramItem, ProgramSettings } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { usePage } from "../ui/use-page.js";
import { amountWords } from "../tiers/tier-words.js";
import { heldWords, windowAmountLabel } from "./member-tier-words.js";
import { MemberTierHistory } from "./member-tier-history.js";
import { TierAssignControls } from "./tier-assign-controls.js";

type Tier = ProgramItem<"tiers">;

/** The tier facts: held tier, amount in the window, what the next tier and keeping this one take. */
function TierFacts({ view, rules, nameOf }: { view: MemberTierView; rules: ProgramSettings["tierRules"]; nameOf: (id: string | null) => string }) {
  const { fmt } = useDashboard();
  const { current, metric, amount, next, keep } = view.standing;
  const measured = (n: number) => amountWords(fmt, metric, n);
  const keptName = nameOf(view.state?.earned.tierId ?? null);
  const facts: [string, string][] = [
    ["Tier", current?.name ?? "None"],
    [windowAmountLabel(rules), measured(amount)],
    next ? [`To reach ${next.name}`, `${measured(next.needed)} more`] : ["Next tier", current ? "None higher" : "—"],
  ];
  if (keep) facts.push([`To keep ${keptName}${keep.by ? ` by ${fmt.date(keep.by)}` : ""}`, keep.needed > 0 ? `${measured(keep.needed)} more` : "Kept"]);
  return (
    <dl class="ql-facts ql-member-tier__facts">
      {facts.map(([label, value], index) => (
        <div class={`ql-facts__item${index === 0 ? " ql-facts__item--accent" : ""}`} key={label}>
          <dt>{label}</dt>
          <dd data-testid={index === 0 ? "member-tier" : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** On a member's page: the tier they hold and how, where they stand, an invitation-only tier given or taken, and every change. */
export function MemberTierPanel({ memberId }: { memberId: string }) {
  const { api, fmt } = useDashboard();
  const { data, error, reload } = usePage(
    () => Promise.all([api.memberTier(memberId), api.list("tiers"), api.part("tierRules")]).then(([view, tiers, rules]) => ({ view, tiers: tiers.items, rules: rules.value })),
    [memberId],
  );
  if (error) return <Alert tone="error">{error}</Alert>;
  if (!data) return null;
  const { view, tiers, rules } = data;
  if (tiers.length === 0)
    return (
      <div class="ql-panel ql-member-tier">
        <h3 class="ql-panel__title">Tier</h3>
        <p class="ql-panel__hint">
          This program has no tiers. <a href="#/tiers">Set up tiers</a>
        </p>
      </div>
    );

  const nameOf = (id: string | null) => (id === null ? "No tier" : (tiers.find((tier: Tier) => tier.id === id)?.name ?? "A removed tier"));
  const { current, keep, metric } = view.standing;
  return (
    <div class="ql-panel ql-member-tier">
      <h3 class="ql-panel__title">Tier</h3>
      <p class="ql-panel__hint" data-testid="member-tier-how">
        {current ? heldWords(current, view.state?.assigned?.by ?? null, fmt) : "No tier yet."}
      </p>
      <TierFacts view={view} rules={rules} nameOf={nameOf} />
      {keep?.grace && (
        <Alert tone="warning" title="In grace">
          Below {nameOf(view.state?.earned.tierId ?? null)}'s keep amount of {amountWords(fmt, metric, keep.threshold)}: {amountWords(fmt, metric, keep.needed)} more by{" "}
          {fmt.date(keep.by)} keeps it, or the member moves down then.
        </Alert>
      )}
      <TierAssignControls memberId={memberId} tiers={tiers} assigned={view.state?.assigned ?? null} onChanged={reload} />
      <MemberTierHistory changes={view.changes} metric={metric} nameOf={nameOf} />
    </div>
  );
}
