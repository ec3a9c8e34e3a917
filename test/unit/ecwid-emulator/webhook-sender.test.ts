import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { isWebhookSignatureValid } from "../../../server/ecwid/webhook-signature.js";
import { createEcwidEmulator } from "../../../server/ecwid-emulator/index.js";
import { CLIENT_ID, CLIENT_SECRET } from "./emulator-fixture.js";

interface Received {
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A stand-in for the app's webhook endpoint that records what arrives. */
async function startReceiver(status = 200): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const app = express();
  app.post("/webhooks/ecwid", express.text({ type: () => true }), (req, res) => {
    received.push({ query: { ...req.query }, headers: req.headers, rawBody: String(req.body) });
    res.status(status).json({ ok: status < 300 });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/ecwid`, received };
}

function emulatorWithOrder() {
  const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, now: () => new Date("2024-09-04T07:22:09Z") });
  emulator.addStore({ storeId: 1003 });
  const order = emulator.putOrder(1003, { id: "K8XTQ", paymentStatus: "AWAITING_PAYMENT" });
  emulator.updateOrder(1003, "K8XTQ", { paymentStatus: "PAID" });
  return { emulator, order };
}

describe("webhook sender", () => {
  it("when an order webhook is sent, then the body, query and signature are what Ecwid sends", async () => {
    const { url, received } = await startReceiver();
    const { emulator, order } = emulatorWithOrder();

    const result = await emulator.sendWebhook({ url, ...emulator.orderWebhook(1003, "K8XTQ", "order.updated") });

    expect(result).toMatchObject({ status: 200, body: { ok: true }, eventCreated: 1725434529 });
    const [request] = received;
    expect(request?.query).toEqual({ eventtype: "order.updated" });
    expect(request?.headers["content-type"]).toBe("application/json; charset=UTF-8");
    expect(JSON.parse(request?.rawBody ?? "")).toEqual({
      eventId: result.eventId,
      eventCreated: 1725434529,
      storeId: 1003,
      entityId: order.internalId,
      eventType: "order.updated",
      data: {
        orderId: "K8XTQ",
        oldPaymentStatus: "AWAITING_PAYMENT",
        newPaymentStatus: "PAID",
        oldFulfillmentStatus: "AWAITING_PROCESSING",
        newFulfillmentStatus: "AWAITING_PROCESSING",
      },
    });
    const signature = request?.headers["x-ecwid-webhook-signature"] as string;
    expect(isWebhookSignatureValid(signature, result.eventCreated, result.eventId, CLIENT_SECRET)).toBe(true);
  });

  it("when the camel-case query parameter is chosen, then eventType is used instead of eventtype", async () => {
    const { url, received } = await startReceiver();
    const { emulator } = emulatorWithOrder();

    await emulator.sendWebhook({ url, ...emulator.orderWebhook(1003, "K8XTQ", "order.created"), queryParamName: "eventType" });

    expect(received[0]?.query).toEqual({ eventType: "order.created" });
  });

  it("when the signature is null or overridden, then the header is omitted or carries the given value", async () => {
    const { url, received } = await startReceiver(401);
    const { emulator } = emulatorWithOrder();
    const event = emulator.orderWebhook(1003, "K8XTQ", "order.created");

    const unsigned = await emulator.sendWebhook({ url, ...event, signature: null });
    await emulator.sendWebhook({ url, ...event, signature: "forged=" });

    expect(unsigned.status).toBe(401);
    expect(received[0]?.headers).not.toHaveProperty("x-ecwid-webhook-signature");
    expect(received[1]?.headers["x-ecwid-webhook-signature"]).toBe("forged=");
  });

  it("when eventId and eventCreated are given, then they are sent and signed as given", async () => {
    const { url, received } = await startReceiver();
    const { emulator } = emulatorWithOrder();

    await emulator.sendWebhook({
      url,
      storeId: 1003,
      eventType: "application.uninstalled",
      eventId: "80aece08-40e8-4145-8764-6c2f0d38678",
      eventCreated: 1234567,
    });

    const body = JSON.parse(received[0]?.rawBody ?? "");
    expect(body).toEqual({
      eventId: "80aece08-40e8-4145-8764-6c2f0d38678",
      eventCreated: 1234567,
      storeId: 1003,
      entityId: "1003",
      eventType: "application.uninstalled",
    });
    const signature = received[0]?.headers["x-ecwid-webhook-signature"] as string;
    expect(isWebhookSignatureValid(signature, 1234567, "80aece08-40e8-4145-8764-6c2f0d38678", CLIENT_SECRET)).toBe(true);
  });

  it("when the CONTRACT secret signs the CONTRACT event, then the header carries the CONTRACT signature", async () => {
    const { url, received } = await startReceiver();
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: "abcde123456789" });

    await emulator.sendWebhook({
      url,
      storeId: 1003,
      eventType: "application.installed",
      eventId: "80aece08-40e8-4145-8764-6c2f0d38678",
      eventCreated: 1234567,
    });

    expect(received[0]?.headers["x-ecwid-webhook-signature"]).toBe("lidx/4J5L2Pp4auvwGBp6DwPkpPmyVLI3oLB440X358=");
  });

  it("when a customer webhook is built, then it carries the customer id and email", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    emulator.addStore({ storeId: 1003 });
    const customer = emulator.putCustomer(1003, { email: "ann@example.com" });

    expect(emulator.customerWebhook(1003, customer.id, "customer.created")).toEqual({
      storeId: 1003,
      eventType: "customer.created",
      entityId: customer.id,
      data: { customerEmail: "ann@example.com" },
    });
  });

  it("when an order event has no entity id and is not an application event, then sending refuses to guess", async () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });

    await expect(emulator.sendWebhook({ url: "http://127.0.0.1:9/", storeId: 1003, eventType: "order.created" })).rejects.toThrow(/entityId/);
  });
});
