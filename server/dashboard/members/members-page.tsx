import { useEffect, useRef, useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import { memberLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { TextField } from "../ui/field.js";
import { Pager } from "../ui/pager.js";
import { usePage } from "../ui/use-page.js";
import { ExportArea } from "./export-area.js";
import { ImportArea } from "./import-area.js";

const PAGE_SIZE = 20;

/** The member last opened from this list, to put the keyboard back on their row when the merchant returns. */
let lastOpened: string | null = null;

/** Members: the list, then the CSV exports and the import of starting balances. */
export function MembersPage() {
  return (
    <>
      <MembersArea />
      <ExportArea />
      <ImportArea />
    </>
  );
}

/** Search by email, a page of members with their balance and orders; a row opens the member. */
function MembersArea() {
  const { api, fmt, navigate } = useDashboard();
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState({ email: "", offset: 0 });
  const { data, error } = usePage(() => api.members({ email: query.email, limit: PAGE_SIZE, offset: query.offset }), [query]);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (lastOpened) table.current?.querySelector<HTMLElement>(`tr[data-member-id="${CSS.escape(lastOpened)}"] a`)?.focus();
  }, [data]);
  const open = (id: string) => {
    lastOpened = id;
    navigate(`/members/${id}`);
  };

  const summary = () => {
    if (!data) return "Loading members…";
    const noun = data.total === 1 ? "member" : "members";
    if (data.total === 0) return query.email ? `No member's email starts with “${query.email}”.` : "No members yet. Shoppers join when they place an order.";
    return query.email ? `${fmt.count(data.total)} ${noun} matching “${query.email}”` : `${fmt.count(data.total)} ${noun}`;
  };

  return (
    <Area title="Members" subtitle="Shoppers in your loyalty program, with their points and orders.">
      <form
        class="ql-toolbar"
        role="search"
        aria-label="Find members"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ email: typed.trim(), offset: 0 });
        }}
      >
        <div class="ql-toolbar__grow">
          <TextField label="Email" value={typed} onInput={setTyped} maxLength={320} placeholder="Search by email, e.g. anna@" />
        </div>
        <button class="btn btn-default btn-medium" type="submit">
          Search
        </button>
      </form>
      <p class="ql-status" role="status" aria-live="polite">
        {summary()}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <div class="ql-table-wrap">
        <table class="ql-table" data-testid="members" ref={table}>
          <caption class="ql-visually-hidden">Members</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col" class="ql-num">
                Balance
              </th>
              <th scope="col" class="ql-num">
                Paid orders
              </th>
              <th scope="col" class="ql-num">
                Lifetime spend
              </th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((member) => (
              <tr key={member.id} class="ql-row-link" data-member-id={member.id} onClick={() => open(member.id)}>
                <th scope="row" data-label="Email">
                  <a
                    class="ql-linklike"
                    href={`#/members/${member.id}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      lastOpened = member.id;
                    }}
                  >
                    {memberLabel(member)}
                  </a>
                </th>
                <td class="ql-num ql-strong" data-label="Balance">
                  {fmt.count(member.balance)}
                </td>
                <td class="ql-num" data-label="Paid orders">
                  {fmt.count(member.stats.paidOrders)}
                </td>
                <td class="ql-num" data-label="Lifetime spend">
                  {fmt.money(member.stats.lifetimeSpendMinor)}
                </td>
                <td data-label="Joined">{fmt.date(member.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && <Pager label="Member pages" offset={query.offset} limit={PAGE_SIZE} total={data.total} fmt={fmt} onPage={(offset) => setQuery({ ...query, offset })} />}
    </Area>
  );
}
