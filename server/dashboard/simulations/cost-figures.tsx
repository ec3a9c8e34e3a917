import type { Simulation, SimulationFigures } from "../api.js";
import { useDashboard } from "../context.js";
import { SimpleTable } from "../ui/simple-table.js";

interface Row {
  label: string;
  figure: (figures: SimulationFigures) => string;
}

/** The proposal beside the program now and the books, row by row, and what a point is taken to be worth. */
export function CostFigures({ result }: { result: Simulation }) {
  const { fmt } = useDashboard();
  const cost = (figures: SimulationFigures) => (figures.costMinor === null ? "No value" : fmt.money(figures.costMinor));
  const rows: Row[] = [
    { label: "Points issued", figure: (figures) => fmt.count(figures.points) },
    { label: "Members earning", figure: (figures) => fmt.count(figures.members) },
    { label: "Points per order", figure: (figures) => fmt.count(figures.pointsPerOrder) },
    { label: "Cost at most", figure: cost },
  ];
  const value = result.proposed.pointValue;
  return (
    <>
      <SimpleTable
        caption="What the last 12 months would have issued and cost"
        testId="cost-figures"
        rowKey={(row) => row.label}
        rows={rows}
        empty=""
        columns={[
          { label: "Last 12 months", cell: (row) => row.label },
          { label: "With this change", num: true, cell: (row) => row.figure(result.proposed) },
          { label: "Program now", num: true, cell: (row) => row.figure(result.current) },
          { label: "Actually issued", num: true, cell: (row) => row.figure(result.recorded) },
        ]}
      />
      <p class="ql-hint" data-testid="point-value">
        {value
          ? `Cost: the points times the most money a point buys in the catalog, ${fmt.money(value.minor)} for ${fmt.points(value.points)} (“${value.rewardName}”). Points spent on other rewards cost less.`
          : "Cost: no reward gives a fixed amount (an amount off, money per points, a donation), so a point has no money value to count."}
      </p>
    </>
  );
}
