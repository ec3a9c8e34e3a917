import { useDashboard } from "../context.js";
import { Area } from "../ui/area.js";
import { usePage } from "../ui/use-page.js";
import { rulesLine } from "./tier-words.js";

/** On the Program page, where the tiers were: how many there are, how members qualify, and the way to the Tiers page. */
export function TiersProgramLink() {
  const { api, fmt } = useDashboard();
  const { data: tiers } = usePage(() => api.list("tiers"), []);
  const { data: rules } = usePage(() => api.part("tierRules"), []);
  return (
    <Area title="Tiers" subtitle="VIP levels with multipliers, birthday points and Ecwid customer groups.">
      <div class="feature-element ql-rule">
        <div class="feature-element__core">
          <div class="feature-element__status">
            {tiers && rules ? `${tiers.items.length === 1 ? "1 tier" : `${fmt.count(tiers.items.length)} tiers`}. ${rulesLine(rules.value, fmt)}` : "…"}
          </div>
        </div>
        <div class="ql-rule__action">
          <a class="btn btn-default btn-medium" href="#/tiers">
            Open tiers
          </a>
        </div>
      </div>
    </Area>
  );
}
