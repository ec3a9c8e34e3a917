import type { UnitOfWork } from "../../storage/storage.port.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { InstallService } from "../stores/install.service.js";
import type { OrderGroupFacts, OverviewFacts, OverviewReader } from "./overview-facts.js";
import type { OrderGroup, Overview, OverviewQuery } from "./overview-schema.js";
import { overviewSpan } from "./overview-span.rules.js";
import { costOf, pointValue } from "../simulations/point-value.rules.js";

const per = (amount: number, count: number | null): number | null => (count ? Math.floor(amount / count) : null);

const withAverages = (group: OrderGroupFacts): OrderGroup => ({
  ...group,
  averageOrderMinor: per(group.revenueMinor, group.orders),
  spendPerCustomerMinor: per(group.revenueMinor, group.customers),
});

function nps(survey: OverviewFacts["survey"]): Overview["nps"] {
  const answers = survey.promoters + survey.passives + survey.detractors;
  return { ...survey, answers, score: answers ? Math.round((100 * (survey.promoters - survey.detractors)) / answers) : null };
}

/** The merchant's overview of a range of the store's calendar days: the storage's sums, with what they are worth and the words the page needs. */
export async function storeOverview(
  deps: { storage: UnitOfWork<"settings"> & { overview: OverviewReader }; installs: Pick<InstallService, "requireActive"> },
  storeId: number,
  query: OverviewQuery,
): Promise<Overview> {
  const install = await deps.installs.requireActive(storeId);
  const span = overviewSpan(query.from, query.to, install.timeZone);
  const settings = readSavedSettings(await deps.storage.read(storeId, (tx) => tx.settings.get(storeId)), install.currencyPrecision);
  const facts = await deps.storage.overview.facts(storeId, span);
  const value = pointValue(settings.rewards);
  const titles = new Map(settings.challenges.map((challenge) => [challenge.id, challenge.title]));
  const { survey, outstanding, ...rest } = facts;
  const worth = costOf(outstanding, value);
  return {
    ...rest,
    range: { from: query.from, to: query.to, timeZone: install.timeZone, bucket: span.bucket, labels: span.labels },
    currency: { code: install.currency, precision: install.currencyPrecision },
    points: { ...facts.points, outstanding },
    liability: value && worth !== null ? { minor: worth, pointValue: value } : null,
    orders: { members: withAverages(facts.orders.members), guests: withAverages(facts.orders.guests) },
    lifetime: { members: withAverages(facts.lifetime.members), guests: withAverages(facts.lifetime.guests) },
    nps: nps(survey),
    topChallenges: facts.topChallenges.map((challenge) => ({ ...challenge, title: titles.get(challenge.challengeId) ?? null })),
  };
}
