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

/** What changed in the earning rule between two settings, one line per part. */
function earningChanges(before, after, fmt) {
  if (!before || !after) return [];
  const lines = [];
  const rate = [earningRateLabel(before, fmt), earningRateLabel(after, fmt)];
  if (rate[0] !== rate[1]) lines.push(`Earning: ${rate[0]} → ${rate[1]}`);
  if (before.minOrderMinor !== after.minOrderMinor) lines.push(`Minimum order: ${fmt.moneyShort(before.minOrderMinor)} → ${fmt.moneyShort(after.minOrderMinor)}`);
  const statuses = (rule) => (rule.countedStatuses ?? []).map(paymentStatusLabel).join(", ");
  if (statuses(before) !== statuses(after)) lines.push(`Payment statuses that earn: ${statuses(after)}`);
  return lines;
}

const SETTINGS_PARTS = { challenges: "challenges", badges: "badges", tiers: "tiers", rewards: "rewards", theme: "widget look", texts: "texts" };

/** Title and detail lines for one audit entry. */
export function describeAudit(entry, fmt) {
  const details = entry.details ?? {};
  if (entry.action === "points.adjusted") {
    const lines = [];
    if (typeof details.reason === "string") lines.push(`“${details.reason}”`);
    if (typeof details.balanceAfter === "number") lines.push(`Balance after: ${fmt.count(details.balanceAfter)} points`);
    return { title: `Points adjusted: ${fmt.signedPoints(Number(details.points) || 0)}`, lines, memberId: entry.subject };
  }
  if (entry.action === "settings.updated") {
    const lines = earningChanges(details.before?.earning, details.after?.earning, fmt);
    const others = Object.entries(SETTINGS_PARTS).filter(([key]) => JSON.stringify(details.before?.[key]) !== JSON.stringify(details.after?.[key]));
    if (others.length) lines.push(`Changed: ${others.map(([, label]) => label).join(", ")}`);
    return { title: "Program settings updated", lines, memberId: null };
  }
  return { title: String(entry.action), lines: entry.subject ? [`Subject: ${entry.subject}`] : [], memberId: null };
}
