import { useEffect, useState } from "preact/hooks";
import type { ProgramMeasurement } from "../api.js";
import { useDashboard } from "../context.js";

const POLL_MS = 1500;

/** Challenges being measured against members' past orders after a save, with what they paid; nothing when none runs or ran. */
export function MeasurementsArea({ refreshKey }: { refreshKey: number }) {
  const { api, fmt } = useDashboard();
  const [items, setItems] = useState<ProgramMeasurement[]>([]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const { items } = await api.measurements().catch(() => ({ items: [] as ProgramMeasurement[] }));
      if (stopped) return;
      setItems(items.slice(0, 3));
      if (items.some((item) => item.status === "running")) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refreshKey]);

  if (items.length === 0) return null;
  return (
    <section class="ql-progress-panel" aria-label="Program changes reaching past orders">
      {items.map((item) => (
        <div key={item.id} class="ql-measurement" data-status={item.status}>
          <div class="ql-progress-panel__title">
            {item.status === "running" ? "Measuring members' past orders…" : "Past orders measured"} ({fmt.dateTime(item.startedAt)})
          </div>
          <progress
            class="ql-progress"
            max={item.total ?? 1}
            value={item.total === null ? undefined : item.measured}
            aria-label={`Members measured since ${fmt.dateTime(item.startedAt)}`}
          />
          <div class="ql-progress-panel__note">
            {fmt.count(item.measured)} of {item.total === null ? "…" : fmt.count(item.total)} members measured; paid {fmt.count(item.paidMembers)}{" "}
            {item.paidMembers === 1 ? "member" : "members"} {fmt.points(item.paidPoints)}.
          </div>
        </div>
      ))}
    </section>
  );
}
