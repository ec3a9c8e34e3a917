/**
 * Webhook intake and processing, printed side by side with a bare Express JSON route on the same machine.
 * Run: npx tsx bench/webhooks.ts [events=2000]
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { signWebhook } from "../server/ecwid/webhook-signature.js";
import { startTestApp, TEST_CLIENT_SECRET } from "../test/support/test-app.js";
import { drive, fmt } from "./measure.js";

const EVENTS = Number(process.argv[2] ?? 2000);
const SENDERS = 50;

async function bareExpress(): Promise<number> {
  const app = express();
  app.post("/hook", express.json(), (_req, res) => {
    res.json({ ok: true });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const result = await drive(EVENTS, SENDERS, async () => (await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"ping":1}' })).ok);
  server.closeAllConnections();
  server.close();
  return result.perSecond;
}

async function main() {
  const app = await startTestApp({ rateLimitPerMinute: null, env: { ECWID_REQUESTS_PER_MINUTE: "100000" } });
  const { storeId } = await app.installStore();
  const now = Math.floor(Date.now() / 1000);
  const bodies = Array.from({ length: EVENTS }, (_, i) => {
    const order = app.emulator.putOrder(storeId, { email: `bench${i % 500}@example.com`, subtotal: 10 + (i % 90), total: 10 + (i % 90), paymentStatus: "PAID" });
    const eventId = `bench-${i}-${order.id}`;
    const body = JSON.stringify({
      eventId,
      eventCreated: now,
      storeId,
      entityId: order.internalId,
      eventType: "order.created",
      data: { orderId: order.id, newPaymentStatus: "PAID" },
    });
    return { body, signature: signWebhook(now, eventId, TEST_CLIENT_SECRET) };
  });

  const intake = await drive(EVENTS, SENDERS, async (i) => {
    const { body, signature } = bodies[i]!;
    const response = await fetch(`${app.url}/webhooks/ecwid?eventtype=order.created`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Ecwid-Webhook-Signature": signature },
      body,
    });
    await response.arrayBuffer();
    return response.status === 200;
  });

  const processingStarted = performance.now();
  app.worker.start();
  for (;;) {
    const counts = await app.container.storage.inbox.counts(storeId);
    if (counts.pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const processingSeconds = (performance.now() - processingStarted) / 1000;
  const counts = await app.container.storage.inbox.counts(storeId);
  await app.close();
  const bare = await bareExpress();

  console.log(`bench/webhooks: ${EVENTS} order events, ${SENDERS} concurrent senders, storage ${app.container.storage.kind}`);
  console.log(`  intake latency       p50 ${fmt(intake.p50, 2)} ms   p99 ${fmt(intake.p99, 2)} ms   failures ${intake.failures}`);
  console.log(`  intake throughput    ${fmt(intake.perSecond, 0)} events/s`);
  console.log(`  bare Express JSON    ${fmt(bare, 0)} requests/s   (intake is ${((intake.perSecond / bare) * 100).toFixed(0)}% of it)`);
  console.log(`  processed            ${fmt(counts.done / processingSeconds, 0)} events/s   (${counts.done} done, ${counts.failed} failed, emulator rate limit off)`);
}

void main();
