import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { usePage } from "../ui/use-page.js";

/** Each cause's pledges in money: pledged, paid out and still owed. Pledges are paid out one by one among the redemptions. */
export function DonationsArea({ refreshKey }: { refreshKey: number }) {
  const { api, fmt } = useDashboard();
  const { data, error } = usePage(() => api.donations(), [refreshKey]);
  return (
    <Area title="Donations" subtitle="Points members pledged to your causes, in money. Pay the cause, then mark each pledge paid out among the redemptions.">
      {error && <Alert tone="error">{error}</Alert>}
      {data?.causes.length === 0 && <p class="ql-status">No pledges yet.</p>}
      {data && data.causes.length > 0 && (
        <div class="ql-table-wrap">
          <table class="ql-table" data-testid="donations">
            <caption class="ql-visually-hidden">Donations per cause</caption>
            <thead>
              <tr>
                <th scope="col">Cause</th>
                <th scope="col" class="ql-num">
                  Pledges
                </th>
                <th scope="col" class="ql-num">
                  Pledged
                </th>
                <th scope="col" class="ql-num">
                  Paid out
                </th>
                <th scope="col" class="ql-num">
                  Still to pay
                </th>
              </tr>
            </thead>
            <tbody>
              {data.causes.map((cause) => (
                <tr key={cause.cause}>
                  <th scope="row" data-label="Cause">
                    {cause.cause}
                  </th>
                  <td data-label="Pledges" class="ql-num">
                    {fmt.count(cause.pledges)}
                  </td>
                  <td data-label="Pledged" class="ql-num">
                    {fmt.money(cause.pledgedMinor)}
                  </td>
                  <td data-label="Paid out" class="ql-num">
                    {fmt.money(cause.paidOutMinor)}
                  </td>
                  <td data-label="Still to pay" class="ql-num">
                    {fmt.money(cause.owedMinor)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Area>
  );
}
