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
export const memberLabel = (member) =>
  member?.email || (member?.customerId ? `Customer #${member.customerId}` : `Member ${member?.id ?? ""}`.trim());

/** Title and detail lines for one audit entry. */
export function describeAudit(entry, fmt) {
  const details = entry.details ?? {};
  if (entry.action === "points.adjusted") {
    const lines = [];
    if (typeof details.reason === "string") lines.push(`“${details.reason}”`);
    if (typeof details.balanceAfter === "number") lines.push(`Balance after: ${fmt.count(details.balanceAfter)} points`);
    return { title: `Points adjusted: ${fmt.signedPoints(Number(details.points) || 0)}`, lines, memberId: entry.subject };
  }
  return { title: String(entry.action), lines: entry.subject ? [`Subject: ${entry.subject}`] : [], memberId: null };
}
