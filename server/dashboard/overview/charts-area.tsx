import { useMemo } from "preact/hooks";
import type { Overview } from "../api.js";
import { useDashboard } from "../context.js";
import { Area } from "../ui/area.js";
import { SeriesChart } from "./series-chart.js";

const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/** The range over time, a chart each: points issued, redeemed and expired; revenue of members and without a member; members who joined. */
export function ChartsArea({ overview }: { overview: Overview }) {
  const { fmt } = useDashboard();
  const { series, range } = overview;
  const per = range.bucket === "day" ? "per day" : "per week (from the range's first day)";
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
    <Area title="Over time" subtitle={`Days of the store's time zone (${range.timeZone}), ${per}.`}>
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
