import express, { Router, type Response } from "express";
import { ActionRefused, type EcwidOrder, type OrderChange, type WebhookDelivery } from "../ecwid-emulator/index.js";
import { CONTROL_PANEL_MENU, CONTROL_PANEL_PAGES } from "./control-panel-menu.js";
import type { DemoPagesDeps } from "./demo-pages.routes.js";
import { formatDollars, orderCards } from "./order-cards.js";

const ORDERS_PATH = "/demo/admin/orders";
const ACTIONS = ["pay", "refund", "cancel"] as const;
type Action = (typeof ACTIONS)[number];

interface Notice {
  kind: "done" | "refused";
  text: string;
}

function doneText(order: EcwidOrder, action: Action): string {
  if (action === "pay") return `Order #${order.id} is marked paid.`;
  if (action === "cancel") return `Order #${order.id} is cancelled.`;
  const how = order.paymentStatus === "REFUNDED" ? "fully" : "partly";
  return `Order #${order.id} is ${how} refunded (${formatDollars(order.refundedAmount)} in all).`;
}

/** What became of the `order.updated` Ecwid sent, in the words the merchant needs. */
function deliveryText(webhook: string): string {
  if (webhook === "none") return "";
  if (webhook === "unreached") return " Ecwid could not reach Questline with order.updated; Ecwid would try again later.";
  const status = Number(webhook);
  return status >= 200 && status < 300
    ? ` Ecwid sent Questline the signed order.updated (answered ${status}): the shopper's points follow in a moment.`
    : ` Ecwid sent Questline the signed order.updated, which answered ${status}; Ecwid would try again later.`;
}

const webhookParam = (webhook: WebhookDelivery | null): string => (webhook === null ? "none" : webhook.status === null ? "unreached" : String(webhook.status));

/**
 * GET /demo/admin/orders: the shop's orders as Ecwid's control panel lists them, each with the payment changes
 * a merchant makes there (mark paid, refund part or all, cancel). Every change goes through the emulator, which
 * sends Questline the signed `order.updated` Ecwid would send.
 */
export function demoOrdersRoutes(deps: DemoPagesDeps): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: "4kb" });

  const render = async (res: Response, status: number, notice: Notice | null) => {
    res.set("Cache-Control", "no-store");
    res.status(status).render("demo/orders", {
      storeName: await deps.storeName(),
      menu: CONTROL_PANEL_MENU,
      pages: CONTROL_PANEL_PAGES,
      current: ORDERS_PATH,
      orders: orderCards(deps.emulator.getOrders(deps.storeId)),
      notice,
    });
  };

  router.get(ORDERS_PATH, async (req, res) => {
    const { done, webhook } = req.query;
    const order = typeof req.query.order === "string" ? deps.emulator.getOrder(deps.storeId, req.query.order) : undefined;
    const action = ACTIONS.find((a) => a === done);
    const delivery = typeof webhook === "string" && /^(\d{3}|none|unreached)$/.test(webhook) ? webhook : "none";
    await render(res, 200, order && action ? { kind: "done", text: `${doneText(order, action)}${deliveryText(delivery)}` } : null);
  });

  router.post(`${ORDERS_PATH}/:orderId/:action`, form, async (req, res) => {
    const orderId = String(req.params.orderId);
    const action = ACTIONS.find((a) => a === req.params.action);
    if (!action || deps.emulator.getOrder(deps.storeId, orderId) === undefined) {
      return render(res, 404, { kind: "refused", text: `There is no order #${orderId} to change that way.` });
    }
    let change: OrderChange;
    try {
      change = await act(deps, orderId, action, req.body as Record<string, unknown> | undefined);
    } catch (error) {
      if (!(error instanceof ActionRefused)) throw error;
      return render(res, 409, { kind: "refused", text: `${error.message}.` });
    }
    const query = new URLSearchParams({ order: change.order.id, done: action, webhook: webhookParam(change.webhook) });
    res.redirect(303, `${ORDERS_PATH}?${query.toString()}`);
  });

  return router;
}

function act(deps: DemoPagesDeps, orderId: string, action: Action, body: Record<string, unknown> | undefined): Promise<OrderChange> {
  const { controlPanel } = deps.emulator;
  if (action === "pay") return controlPanel.markPaid(deps.storeId, orderId);
  if (action === "cancel") return controlPanel.cancel(deps.storeId, orderId);
  const amount = Number(String(body?.amount ?? "").replace(",", "."));
  if (!Number.isFinite(amount)) throw new ActionRefused("Enter the amount to refund in dollars, for example 12.50");
  return controlPanel.refund(deps.storeId, orderId, amount, typeof body?.reason === "string" ? body.reason.slice(0, 200) : "");
}
