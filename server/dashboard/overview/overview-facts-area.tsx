import type { Overview } from "../api.js";
import { useDashboard } from "../context.js";
import { Area } from "../ui/area.js";

/** A share as "12.5%", or "—" when there is nothing to divide by. */
export const share = (part: number, whole: number | null): string =>
  whole ? new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 }).format(part / whole) : "—";

function Fact({ label, value, note, accent }: { label: string; value: string; note?: string; accent?: boolean }) {
  return (
    <div class={`ql-facts__item${accent ? " ql-facts__item--accent" : ""}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      {note && <dd class="ql-facts__note">{note}</dd>}
    </div>
  );
}

/** Members and points: who takes part, what was given, spent and lost, and what the points still held are worth. */
export function OverviewFactsArea({ overview }: { overview: Overview }) {
  const { fmt } = useDashboard();
  const { members, points, liability, nps } = overview;
  const value = liability?.pointValue;
  return (
    <Area
      title="Members and points"
      subtitle="Active: a member who placed a paid order or whose points moved (earned, spent, adjusted; not expiry) in the range. Outstanding points are held now."
    >
      <dl class="ql-facts" data-testid="overview-facts">
        <Fact label="Members" value={fmt.count(members.total)} note={`${fmt.count(members.joined)} joined in the range`} />
        <Fact label="Active members" value={fmt.count(members.active)} note={`${share(members.active, members.total)} of members`} />
        <Fact label="Points issued" value={fmt.count(points.issued)} note={points.takenBack ? `${fmt.count(points.takenBack)} taken back after refunds and by hand` : undefined} />
        <Fact label="Points redeemed" value={fmt.count(points.redeemed)} note={`Redemption rate ${share(points.redeemed, points.issued)}`} />
        <Fact label="Points expired" value={fmt.count(points.expired)} />
        {points.imported !== 0 && <Fact label="Points imported" value={fmt.count(points.imported)} note="Starting balances from your CSV import; not counted as issued." />}
        <Fact label="Points outstanding" value={fmt.count(points.outstanding)} />
        <Fact
          accent
          label="Outstanding liability"
          value={liability ? fmt.money(liability.minor) : "—"}
          note={
            value
              ? `1 point ≈ ${fmt.money(value.minor / value.points)}: “${value.rewardName}” gives ${fmt.money(value.minor)} for ${fmt.points(value.points)}, the most a point buys in your rewards`
              : "No reward gives a fixed amount of money, so points have no set value."
          }
        />
        <Fact
          label="Net Promoter Score"
          value={nps.score === null ? "—" : String(nps.score)}
          note={
            nps.answers
              ? `${fmt.count(nps.answers)} survey answers: ${fmt.count(nps.promoters)} promoters, ${fmt.count(nps.detractors)} detractors`
              : "No survey answers yet in this range."
          }
        />
      </dl>
    </Area>
  );
}
