import type { OrderInit } from "../../server/ecwid-emulator/api-types.js";

const DAY = 86_400_000;

/** One order of the year: what the emulator is given, and a refund the merchant then makes (in the store currency). */
export interface YearOrder {
  init: OrderInit;
  refund?: number;
}

/**
 * A year of orders, oldest first, placed 350 to 2 days before `now`: a regular who climbs the tiers (a guest who
 * later orders with an account), occasional shoppers, one order refunded in part and one in full, one with a
 * discount, one awaiting payment, one under a $5 minimum, and one registered customer known only by id.
 */
export function yearOfOrders(now: Date): YearOrder[] {
  const placed = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const orders: YearOrder[] = [];
  const regular = [42.5, 61, 18.99, 77, 35, 120, 54.25, 88, 23, 64.4, 95, 47];
  regular.forEach((amount, index) => {
    const account = index >= 3 ? { customerId: 7001 } : { customerId: null };
    orders.push({ init: { email: "rita@example.com", ...account, subtotal: amount, total: amount + 5, shipping: 5, paymentStatus: "PAID", createDate: placed(350 - index * 29) } });
  });
  const occasional = ["olaf@example.com", "pia@example.com", "quinn@example.com", "sam@example.com"];
  occasional.forEach((email, index) => {
    orders.push({ init: { email, customerId: null, subtotal: 30 + index * 17.5, total: 30 + index * 17.5, paymentStatus: "PAID", createDate: placed(300 - index * 40) } });
    orders.push({ init: { email, customerId: null, subtotal: 12 + index * 9, total: 12 + index * 9, paymentStatus: "PAID", createDate: placed(120 - index * 20) } });
  });
  orders.push({ init: { email: "tom@example.com", customerId: null, subtotal: 80, total: 80, paymentStatus: "PAID", createDate: placed(200) }, refund: 30 });
  orders.push({ init: { email: "uma@example.com", customerId: null, subtotal: 150, total: 150, paymentStatus: "PAID", createDate: placed(180) }, refund: 150 });
  orders.push({ init: { email: "vic@example.com", customerId: null, subtotal: 100, discount: 20, total: 80, paymentStatus: "PAID", createDate: placed(90) } });
  orders.push({ init: { email: "wes@example.com", customerId: null, subtotal: 60, total: 60, paymentStatus: "AWAITING_PAYMENT", createDate: placed(60) } });
  orders.push({ init: { email: "xia@example.com", customerId: null, subtotal: 4.5, total: 4.5, paymentStatus: "PAID", createDate: placed(45) } });
  orders.push({ init: { email: "yan@example.com", customerId: 7002, subtotal: 210, total: 210, paymentStatus: "PAID", createDate: placed(2) } });
  return orders.sort((a, b) => Number(a.init.createDate) - Number(b.init.createDate));
}
