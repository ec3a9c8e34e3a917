import { useEffect, useRef, useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import uPlot from "uplot";

/** Tick steps of whole units (points, members, minor units of money): uPlot's own would tick 0.2 members and print "0 0 1 1 1". */
/** Half a day on each side of a lone bucket: uPlot's own range for a single time spans years. */
const HALF_DAY_S = 43_200;
const WHOLE_STEPS = Array.from({ length: 13 }, (_, power) => [1, 2, 5].map((step) => step * 10 ** power)).flat();

export interface ChartSeries {
  label: string;
  color: string;
  values: number[];
}

/**
 * A line chart of the overview's buckets (uPlot on a canvas), as wide as its box; the days are calendar days, drawn in UTC
 * so no browser's time zone moves them. `summary` is what a screen reader hears; the legend is plain text beside it, and
 * names the values of the bucket under the pointer.
 */
export function SeriesChart({ labels, series, summary, format }: { labels: string[]; series: ChartSeries[]; summary: string; format: (value: number) => string }) {
  const { fmt } = useDashboard();
  const box = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const days = labels.map((label) => Date.parse(`${label}T00:00:00Z`) / 1000);
    const chart = new uPlot(
      {
        width: element.clientWidth,
        height: 200,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), "UTC"),
        scales: {
          x: { time: true, range: (_chart, min, max) => (min === max ? [min - HALF_DAY_S, max + HALF_DAY_S] : [min, max]) },
          y: { range: (_chart, _min, max) => [0, Math.max(1, max)] },
        },
        hooks: { setCursor: [(chart) => setHovered(chart.cursor.idx ?? null)] },
        axes: [
          { stroke: "#5f6b7a", grid: { stroke: "#eef0f3" } },
          { stroke: "#5f6b7a", grid: { stroke: "#eef0f3" }, size: 64, incrs: WHOLE_STEPS, values: (_chart, ticks) => ticks.map(format) },
        ],
        series: [{}, ...series.map((one) => ({ label: one.label, stroke: one.color, width: 2, points: { show: labels.length <= 31 } }))],
      },
      [days, ...series.map((one) => one.values)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: 200 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, series]);
  return (
    <figure class="ql-chart">
      <div class="ql-chart__plot" ref={box} role="img" aria-label={summary} />
      <figcaption class="ql-chart__legend">
        {series.map((one) => (
          <span key={one.label} class="ql-chart__key">
            <span class="ql-chart__swatch" style={{ background: one.color }} aria-hidden="true" />
            {one.label}
            {hovered !== null && `: ${format(one.values[hovered] ?? 0)}`}
          </span>
        ))}
        {hovered !== null && labels[hovered] && <span class="ql-chart__when">{fmt.calendarDay(labels[hovered])}</span>}
      </figcaption>
    </figure>
  );
}
