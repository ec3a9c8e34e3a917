import { useDashboard } from "../context.js";
import { Area } from "../ui/area.js";
import { usePage } from "../ui/use-page.js";

/** On the Program page: whether the referral program runs, how many referrals wait for the merchant, and the way to it. */
export function ReferralsProgramLink() {
  const { api, fmt } = useDashboard();
  const { data: settings } = usePage(() => api.part("referrals"), []);
  const { data: review } = usePage(() => api.referrals({ status: "review", limit: 1, offset: 0 }), []);
  const waiting = review?.total ?? 0;
  return (
    <Area title="Referral program" subtitle="Members share a link; friends get a welcome offer and ambassadors a reward for each new customer.">
      <div class="feature-element ql-rule">
        <div class="feature-element__core">
          <div class="feature-element__status">
            {!settings ? "…" : settings.value.enabled ? "On." : "Off."}
            {waiting > 0 && ` ${waiting === 1 ? "A referral needs" : `${fmt.count(waiting)} referrals need`} your review.`}
          </div>
        </div>
        <div class="ql-rule__action">
          <a class="btn btn-default btn-medium" href="#/referrals">
            Open referrals
          </a>
        </div>
      </div>
    </Area>
  );
}
