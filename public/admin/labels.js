/** Words for the codes the API uses. Unknown codes are shown as they are. */

const LEDGER_KINDS = {
  earn_order: "Order",
  earn_task: "Challenge",
  earn_referral: "Referral",
  redeem: "Redeemed",
  reverse: "Reversal",
  adjust: "Adjustment",
  expire: "Expired",
};

export const ledgerKindLabel = (kind) => LEDGER_KINDS[kind] ?? String(kind);

/** "system" or an email; the dashboard says who in plain words. */
export const actorLabel = (actor) => (!actor || actor === "system" ? "Questline" : String(actor));

/** A member as the merchant knows them: email, else the Ecwid customer id. */
export const memberLabel = (member) => member?.email || (member?.customerId ? `Customer #${member.customerId}` : `Member ${member?.id ?? ""}`.trim());

/** Payment statuses the earning rule can count. PAID is always offered; Ecwid lets merchants name three custom ones. */
export const EARNING_STATUS_CHOICES = ["PAID", "CUSTOM_PAYMENT_STATUS_1", "CUSTOM_PAYMENT_STATUS_2", "CUSTOM_PAYMENT_STATUS_3"];

const PAYMENT_STATUSES = {
  PAID: "Paid",
  AWAITING_PAYMENT: "Awaiting payment",
  PARTIALLY_REFUNDED: "Partially refunded",
  CUSTOM_PAYMENT_STATUS_1: "Custom status 1",
  CUSTOM_PAYMENT_STATUS_2: "Custom status 2",
  CUSTOM_PAYMENT_STATUS_3: "Custom status 3",
};

export const paymentStatusLabel = (status) => PAYMENT_STATUSES[status] ?? String(status);

/** "2 points per $1", the earning rule in one line. */
export const earningRateLabel = (rule, fmt) => `${fmt.points(rule.points)} per ${fmt.moneyShort(rule.perAmountMinor)}`;

/** "On orders of $10 or more" / "On every order". */
export const earningMinimumLabel = (rule, fmt) => (rule.minOrderMinor > 0 ? `On orders of ${fmt.moneyShort(rule.minOrderMinor)} or more` : "On every order, whatever its amount");

const EVENT_TYPES = {
  "order.created": "Order created",
  "order.updated": "Order updated",
  "order.deleted": "Order deleted",
  "questline.backfill_page": "Past orders import",
};

export const eventTypeLabel = (type) => EVENT_TYPES[type] ?? String(type);

const IMPORT_STATUSES = { running: "Importing", done: "Done", failed: "Failed" };

export const importStatusLabel = (status) => IMPORT_STATUSES[status] ?? String(status);

/** The earning rule's fields in the merchant's words, each value as the dashboard shows it elsewhere. */
const EARNING_FIELDS = {
  points: ["Points earned", (value, fmt) => fmt.count(value)],
  perAmountMinor: ["For every", (value, fmt) => fmt.moneyShort(value)],
  minOrderMinor: ["Minimum order", (value, fmt) => fmt.moneyShort(value)],
  countedStatuses: ["Payment statuses that earn", (value) => (value ?? []).map(paymentStatusLabel).join(", ")],
};

const shortValue = (value) => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

/** One changed field of a program edit (`{ path, before?, after? }`) in one line. */
function changeLine({ path, before, after }, fmt) {
  const [area, key] = path;
  const [name, show] = (area === "earning" && EARNING_FIELDS[key]) || [path.join(" › "), shortValue];
  if (before === undefined) return `${name}: added`;
  if (after === undefined) return `${name}: removed`;
  return `${name}: ${show(before, fmt)} → ${show(after, fmt)}`;
}

/** Title (the server's label) and detail lines for one audit entry, and the member it links to. */
export function describeAudit(entry, fmt) {
  const details = entry.details ?? {};
  const lines = [];
  if (entry.action === "points.adjusted") {
    if (typeof details.reason === "string") lines.push(`“${details.reason}”`);
    if (typeof details.balanceAfter === "number") lines.push(`Balance after: ${fmt.count(details.balanceAfter)} points`);
  }
  if (entry.action === "settings.updated") lines.push(...(details.changes ?? []).map((change) => changeLine(change, fmt)));
  return { title: entry.label ?? String(entry.action), lines, memberId: entry.member?.id ?? null };
}
