import { useDashboard } from "../context.js";
import { SimpleTable } from "../ui/simple-table.js";
import { usePage } from "../ui/use-page.js";

const STATUS = { pending: "Waiting", paused: "Paused", succeeded: "Delivered", failed: "Failed" } as const;

/** An endpoint's latest deliveries, newest first, each with its last answer. */
export function DeliveryTable({ endpointId, refreshKey }: { endpointId: string; refreshKey: number }) {
  const { api, fmt } = useDashboard();
  const { data } = usePage(() => api.webhookDeliveries(endpointId), [endpointId, refreshKey]);
  return (
    <SimpleTable
      caption="Recent deliveries"
      testId="webhook-deliveries"
      rows={data?.items ?? []}
      rowKey={(delivery) => delivery.id}
      empty={data ? "Nothing sent yet." : "Loading…"}
      columns={[
        { label: "Event", cell: (delivery) => delivery.eventType },
        { label: "Status", cell: (delivery) => STATUS[delivery.status] },
        { label: "Tries", cell: (delivery) => String(delivery.attempts) },
        { label: "Last answer", cell: (delivery) => (delivery.lastStatus !== null ? `${delivery.lastStatus} in ${delivery.lastDurationMs} ms` : (delivery.lastError ?? "—")) },
        { label: "Created", cell: (delivery) => fmt.dateTime(delivery.createdAt) },
      ]}
    />
  );
}
