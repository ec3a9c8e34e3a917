import { useMemo } from "preact/hooks";
import type { Overview } from "../api.js";
import { useDashboard } from "../context.js";
import { Area } from "../ui/area.js";
import { SeriesChart } from "./series-chart.js";

const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const DAY_MS = 86_400_000;

/** Days in the last weekly bucket (from its first day to the range's last, both counted): fewer than 7 when the range does not end a week. */
const lastWeekDays = (range: Overview["range"]) => (Date.parse(range.to) - Date.parse(range.labels[range.labels.length - 1]!)) / DAY_MS + 1;

/** The range over time, a chart each: points issued, redeemed and expired; revenue of members and without a member; members who joined. */
export function ChartsArea({ overview }: { overview: Overview }) {
  const { fmt } = useDashboard();
  const { series, range } = overview;
  const per = range.bucket === "day" ? "per day" : "per week (from the range's first day)";
  const partial = range.bucket === "week" ? lastWeekDays(range) : 7;
  const charts = useMemo(
    () => ({
      points: [
        { label: "Issued", color: "#0a7bd9", values: series.issued },
        { label: "Redeemed", color: "#1c8a4a", values: series.redeemed },
        { label: "Expired", color: "#b35900", values: series.expired },
      ],
      revenue: [
        { label: "Members' orders", color: "#0a7bd9", values: series.memberRevenueMinor },
        { label: "Orders without a member", color: "#7a5af8", values: series.guestRevenueMinor },
      ],
      joined: [{ label: "New members", color: "#0a7bd9", values: series.joined }],
    }),
    [series],
  );
  return (
    <Area
      title="Over time"
      subtitle={`Days of the store's time zone (${range.timeZone}), ${per}.${partial < 7 ? ` The last week has only ${partial} day${partial === 1 ? "" : "s"}, so it reads lower.` : ""}`}
    >
      <div class="ql-overview-charts">
        <section>
          <h3 class="ql-panel__title">Points {per}</h3>
          <SeriesChart
            labels={range.labels}
            series={charts.points}
            format={fmt.count}
            summary={`Points ${per}: ${fmt.count(total(series.issued))} issued, ${fmt.count(total(series.redeemed))} redeemed, ${fmt.count(total(series.expired))} expired`}
          />
        </section>
        <section>
          <h3 class="ql-panel__title">Revenue {per}</h3>
          <SeriesChart
            labels={range.labels}
            series={charts.revenue}
            format={fmt.moneyShort}
            summary={`Revenue ${per}: ${fmt.money(total(series.memberRevenueMinor))} from members' orders, ${fmt.money(total(series.guestRevenueMinor))} from orders without a member`}
          />
        </section>
        <section>
          <h3 class="ql-panel__title">New members {per}</h3>
          <SeriesChart labels={range.labels} series={charts.joined} format={fmt.count} summary={`${fmt.count(total(series.joined))} members joined, ${per}`} />
        </section>
      </div>
    </Area>
  );
}
