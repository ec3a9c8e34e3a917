import { useState } from "preact/hooks";
import type { DonationTotals } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { ConfirmStrip } from "../ui/confirm-strip.js";
import { usePage } from "../ui/use-page.js";

type Cause = DonationTotals["causes"][number];

/** Each cause's pledges in money: pledged, paid out and still owed, and the button that records a payout of what is owed. */
export function DonationsArea({ refreshKey, onPaid }: { refreshKey: number; onPaid: () => void }) {
  const { api, fmt } = useDashboard();
  const { data, error } = usePage(() => api.donations(), [refreshKey]);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<Cause | null>(null);

  const question = (cause: Cause) => {
    const pledges = `${fmt.count(cause.pledgesOwed)} ${cause.pledgesOwed === 1 ? "pledge" : "pledges"}`;
    return `Record that you paid ${fmt.money(cause.owedMinor)} to “${cause.cause}” for ${pledges}?`;
  };

  async function payOut(cause: Cause) {
    setConfirming(null);
    setBusy(true);
    try {
      const paid = await api.payOut(cause.rewardIds);
      const more = paid.stillOwed > 0 ? ` ${fmt.count(paid.stillOwed)} more are still owed: mark them again.` : "";
      setMessage({ tone: "success", text: `Recorded ${fmt.money(paid.valueMinor)} paid to “${cause.cause}”.${more}` });
      onPaid();
    } catch (failure) {
      setMessage({ tone: "error", text: (failure as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Area title="Donations" subtitle="Points members pledged to your causes, in money. Pay the cause, then record the payout here or pledge by pledge among the redemptions.">
      {error && <Alert tone="error">{error}</Alert>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {confirming && (
        <ConfirmStrip
          key={confirming.cause}
          question={question(confirming)}
          confirmLabel="Record payout"
          onConfirm={() => void payOut(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
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
                <th scope="col">
                  <span class="ql-visually-hidden">Action</span>
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
                  <td data-label={cause.pledgesOwed > 0 ? "Action" : undefined} class="ql-actions">
                    {cause.pledgesOwed > 0 && (
                      <button class="btn btn-default btn-small" type="button" disabled={busy} aria-label={`Mark all paid out: ${cause.cause}`} onClick={() => setConfirming(cause)}>
                        Mark all paid out
                      </button>
                    )}
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
