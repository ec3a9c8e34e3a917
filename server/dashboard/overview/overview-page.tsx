import { useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { usePage } from "../ui/use-page.js";
import { ChartsArea } from "./charts-area.js";
import { OrdersArea } from "./orders-area.js";
import { OverviewFactsArea } from "./overview-facts-area.js";
import { presetRange, todayIn } from "./overview-range.js";
import { RangePicker } from "./range-picker.js";
import { TopsArea } from "./tops-area.js";
import { HoldoutPanel } from "./holdout-panel.js";

/** The merchant's overview of a range of days: one area per subject, each drawn from the one overview answer. */
export function OverviewPage() {
  const { api, store } = useDashboard();
  const [range, setRange] = useState(() => presetRange("30d", todayIn(store.timeZone)));
  const { data, error } = usePage(() => api.overview(range), [range.from, range.to]);
  const empty = data !== null && data.members.total === 0 && data.orders.guests.orders === 0;
  return (
    <div class="ql-overview">
      <RangePicker range={range} timeZone={store.timeZone} onChange={setRange} />
      {error && <Alert tone="error">{error}</Alert>}
      {empty && <Alert tone="info">No members yet. Once shoppers order, earn and redeem, their figures show here; importing past orders (Operations) fills them at once.</Alert>}
      {data ? (
        <>
          <OverviewFactsArea overview={data} />
          <OrdersArea overview={data} />
          <ChartsArea overview={data} />
          <TopsArea overview={data} />
          <HoldoutPanel />
        </>
      ) : (
        !error && <p class="ql-muted">Loading the overview…</p>
      )}
    </div>
  );
}
