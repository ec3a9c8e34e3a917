import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { usePage } from "../ui/use-page.js";

/** On the Program page: how many proofs wait for the merchant, with the way to them; nothing while none wait. */
export function ProofsNotice() {
  const { api, fmt } = useDashboard();
  const { data } = usePage(() => api.proofs({ status: "pending", limit: 1, offset: 0 }), []);
  if (!data?.total) return null;
  return (
    <Alert tone="info">
      {data.total === 1 ? "A proof waits" : `${fmt.count(data.total)} proofs wait`} for your review. <a href="#/program/proofs">Review proofs ({fmt.count(data.total)})</a>
    </Alert>
  );
}
