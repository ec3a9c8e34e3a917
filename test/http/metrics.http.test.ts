import { afterEach, describe, expect, it } from "vitest";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const METRICS_TOKEN = "metrics-token-0123456789abcdef";
let app: TestApp;
afterEach(() => app?.close());

const seriesCount = (text: string) => text.split("\n").filter((line) => line.startsWith("questline_http_request_duration_seconds_count{")).length;

describe("GET /metrics", () => {
  it("when no METRICS_TOKEN is configured, then /metrics does not exist", async () => {
    app = await startTestApp();
    const response = await app.http.get("/metrics");
    expect(response.status).toBe(404);
    expect(response.data).not.toContain("questline_");
  });

  it("when the bearer token is missing or wrong, then 401 and no figures", async () => {
    app = await startTestApp({ env: { METRICS_TOKEN } });
    for (const headers of [{}, { Authorization: "Bearer wrong-token-0123456789abcdef" }, { Authorization: `Basic ${METRICS_TOKEN}` }]) {
      const response = await app.http.get("/metrics", { headers });
      expect(response.status).toBe(401);
      expect(response.data.code).toBe("unauthorized");
      expect(JSON.stringify(response.data)).not.toContain("questline_http");
    }
  });

  it("when webhooks were handled, then it counts them by outcome, the worker's results and the route as declared", async () => {
    app = await startTestApp({ env: { METRICS_TOKEN } });
    const { storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 });
    const hook = `${app.url}/webhooks/ecwid`;
    const order = app.emulator.putOrder(storeId, { email: "ops@example.com", subtotal: 5, total: 5, paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: hook, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
    await app.emulator.sendWebhook({ url: hook, storeId, eventType: "product.updated", entityId: 1 });
    await app.worker.drain();
    await app.http.get(`/api/storefront/${storeId}/program`);

    const metrics = await app.http.get("/metrics", bearer(METRICS_TOKEN));
    expect(metrics.status).toBe(200);
    expect(metrics.data).toContain('questline_webhooks_total{outcome="queued"} 1');
    expect(metrics.data).toContain('questline_webhooks_total{outcome="ignored"} 1');
    expect(metrics.data).toContain('questline_inbox_events_total{result="done"} 1');
    expect(metrics.data).toMatch(/questline_http_request_duration_seconds_count\{route="\/webhooks\/ecwid",status="200"\} 2/);
    expect(metrics.data).toMatch(/questline_http_request_duration_seconds_count\{route="\/api\/storefront\/:storeId\/program",status="200"\} 1/);
    expect(metrics.data).not.toContain(`/api/storefront/${storeId}`);
  });

  it("when anonymous callers send thousands of distinct paths and store ids, then the number of series does not grow", async () => {
    app = await startTestApp({ env: { METRICS_TOKEN } });
    const { storeId } = await app.installStore();
    const warmUp = [`/nowhere`, `/api/storefront/${storeId}/program`, `/api/storefront/1/program`, `/api/storefront/${storeId}/me`, `/widget.js`, `/api/admin/nothing`];
    for (const path of warmUp) await app.http.get(path);
    await app.http.get("/metrics", bearer(METRICS_TOKEN)); // its own series appears once it has answered
    const before = seriesCount((await app.http.get("/metrics", bearer(METRICS_TOKEN))).data);

    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const n = batch * 50 + i;
          const paths = [`/x${n}/y`, `/api/storefront/${900_000 + n}/program`, `/api/storefront/${storeId}/me?n=${n}`, `/api/admin/x${n}`, `/${n}.js`];
          return app.http.get(paths[n % paths.length]!);
        }),
      );
    }

    const text: string = (await app.http.get("/metrics", bearer(METRICS_TOKEN))).data;
    expect(seriesCount(text)).toBe(before);
    expect(text).toContain('route="unmatched"');
    expect(text).toContain('route="static"');
    expect(text).not.toMatch(/route="[^"]*\d{3,}/);
  });
});
