import type { Overview } from "../api.js";
import { useDashboard } from "../context.js";
import { Area } from "../ui/area.js";
import { SimpleTable } from "../ui/simple-table.js";
import { share } from "./overview-facts-area.js";

type Group = Overview["orders"]["members"];
type Row = { label: string; figure: (inRange: Group, lifetime: Group) => string };

/** Members' paid orders beside orders that named no shopper: count, revenue, average, repeat rate, lifetime spend per customer. */
export function OrdersArea({ overview }: { overview: Overview }) {
  const { fmt } = useDashboard();
  const money = (minor: number | null) => (minor === null ? "—" : fmt.money(minor));
  const rows: Row[] = [
    { label: "Paid orders", figure: (group) => fmt.count(group.orders) },
    { label: "Revenue", figure: (group) => fmt.money(group.revenueMinor) },
    { label: "Average order", figure: (group) => money(group.averageOrderMinor) },
    { label: "Repeat purchase rate", figure: (group) => (group.customers === null ? "not known" : share(group.repeatCustomers ?? 0, group.customers)) },
    { label: "Lifetime spend per customer", figure: (_group, lifetime) => (lifetime.customers === null ? "not known" : money(lifetime.spendPerCustomerMinor)) },
  ];
  const { orders, lifetime, referrals } = overview;
  return (
    <Area
      title="Orders"
      subtitle="Revenue counts what points count: the subtotal after discounts, without shipping and tax, less refunds. Every shopper who orders with an email joins the program, so orders without a member are those that named no shopper; one such shopper cannot be told from another, so their repeat rate and spend per customer are not known."
    >
      <SimpleTable
        caption="Paid orders of members and without a member"
        testId="overview-orders"
        rows={rows}
        rowKey={(row) => row.label}
        empty=""
        columns={[
          { label: "In the range", cell: (row) => row.label },
          { label: "Members", num: true, cell: (row) => row.figure(orders.members, lifetime.members) },
          { label: "Without a member", num: true, cell: (row) => row.figure(orders.guests, lifetime.guests) },
        ]}
      />
      <p class="ql-overview-note">
        Revenue from referred friends: <strong>{fmt.money(referrals.revenueMinor)}</strong> from {fmt.count(referrals.friends)} {referrals.friends === 1 ? "friend" : "friends"}.
      </p>
    </Area>
  );
}
