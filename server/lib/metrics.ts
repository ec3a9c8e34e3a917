import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The Prometheus metrics one app process exposes at GET /metrics. One registry per container, so tests stay isolated. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Histogram({
      name: "questline_http_request_duration_seconds",
      help: "HTTP request duration by route pattern and status",
      labelNames: ["route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    webhooks: new Counter({ name: "questline_webhooks_total", help: "Webhooks received, by outcome", labelNames: ["outcome"] as const, registers: [registry] }),
    inboxEvents: new Counter({
      name: "questline_inbox_events_total",
      help: "Inbox events handled by the worker, by result",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
