import { useState } from "preact/hooks";
import type { DescribedChange } from "../../modules/audit/audit-labels.rules.js";
import type { AuditLine } from "../api.js";
import { useDashboard } from "../context.js";
import type { Formatters } from "../format.js";
import { actorLabel, paymentStatusLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { Pager } from "../ui/pager.js";
import { usePage } from "../ui/use-page.js";

const PAGE_SIZE = 10;

const shown = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

/** The earning rule's fields in the merchant's words, each value as the dashboard shows it elsewhere. */
const EARNING_FIELDS: Record<string, [string, (value: unknown, fmt: Formatters) => string]> = {
  points: ["Points earned", (value, fmt) => fmt.count(Number(value))],
  perAmountMinor: ["For every", (value, fmt) => fmt.moneyShort(Number(value))],
  minOrderMinor: ["Minimum order", (value, fmt) => fmt.moneyShort(Number(value))],
  countedStatuses: ["Payment statuses that earn", (value) => (Array.isArray(value) ? value.map(String).map(paymentStatusLabel).join(", ") : shown(value))],
};

function changeLine({ path, where, before, after }: DescribedChange, fmt: Formatters): string {
  const [name, show] = (path[0] === "earning" && EARNING_FIELDS[String(path[1])]) || [where, shown];
  if (before === undefined) return `${name}: added`;
  if (after === undefined) return `${name}: removed`;
  return `${name}: ${show(before, fmt)} → ${show(after, fmt)}`;
}

/** The lines under an entry's label: an adjustment's reason and balance, a program edit's changed fields. */
function detailLines(entry: AuditLine, fmt: Formatters): string[] {
  const details = (entry.details ?? {}) as { reason?: unknown; balanceAfter?: unknown; changes?: DescribedChange[] };
  const lines: string[] = [];
  if (typeof details.reason === "string") lines.push(`“${details.reason}”`);
  if (typeof details.balanceAfter === "number") lines.push(`Balance after: ${fmt.count(details.balanceAfter)} points`);
  for (const change of Array.isArray(details.changes) ? details.changes : []) lines.push(changeLine(change, fmt));
  return lines;
}

/** The store's activity, newest first: who did what, what changed, and a link to the member it is about. */
export function ActivityPage() {
  const { api, fmt } = useDashboard();
  const [offset, setOffset] = useState(0);
  const { data, error } = usePage(() => api.audit({ limit: PAGE_SIZE, offset }), [offset]);
  return (
    <Area
      title="Activity"
      subtitle="What you and Questline did: program changes, point adjustments, reviews, referrals and API keys, newest first. The points each member earned and spent are on their page under Members."
    >
      {error && <Alert tone="error">{error}</Alert>}
      {data?.total === 0 && <p class="ql-status">Nothing yet. Program changes and adjustments you make will be listed here.</p>}
      <ul class="ql-activity" aria-label="Activity, newest first">
        {data?.items.map((entry) => (
          <li class="ql-activity__item" key={entry.id} data-audit-id={entry.id}>
            <div class="ql-activity__main">
              <div class="ql-activity__title">{entry.label}</div>
              {detailLines(entry, fmt).map((line, index) => (
                <div class="ql-activity__line" key={index}>
                  {line}
                </div>
              ))}
            </div>
            <div class="ql-activity__meta">
              <span>{actorLabel(entry.actor)}</span>
              <time dateTime={entry.createdAt}>{fmt.dateTime(entry.createdAt)}</time>
              {entry.member && (
                <a class="ql-linklike" href={`#/members/${entry.member.id}`} aria-label={`View member ${entry.member.email ?? entry.member.id}`}>
                  View member
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
      {data && <Pager label="Activity pages" offset={offset} limit={PAGE_SIZE} total={data.total} fmt={fmt} onPage={setOffset} />}
    </Area>
  );
}
