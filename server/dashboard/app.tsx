import { useMemo } from "preact/hooks";
import { DashboardContext, type Dashboard } from "./context.js";
import { lazyPage } from "./lazy-page.js";
import { useRoute } from "./router.js";

// Each page is its own chunk, fetched when first shown.
const ApiKeysPage = lazyPage(() => import("./api-keys/api-keys-page.js").then((page) => page.ApiKeysPage));
const ActivityPage = lazyPage(() => import("./activity/activity-page.js").then((page) => page.ActivityPage));
const ChallengePage = lazyPage(() => import("./challenges/challenge-page.js").then((page) => page.ChallengePage));
const MemberPage = lazyPage(() => import("./members/member-page.js").then((page) => page.MemberPage));
const MembersPage = lazyPage(() => import("./members/members-page.js").then((page) => page.MembersPage));
const OverviewPage = lazyPage(() => import("./overview/overview-page.js").then((page) => page.OverviewPage));
const OperationsPage = lazyPage(() => import("./operations/operations-page.js").then((page) => page.OperationsPage));
const ProgramPage = lazyPage(() => import("./program/program-page.js").then((page) => page.ProgramPage));
const ProofsPage = lazyPage(() => import("./proofs/proofs-page.js").then((page) => page.ProofsPage));
const ReferralsPage = lazyPage(() => import("./referrals/referrals-page.js").then((page) => page.ReferralsPage));
const RewardsPage = lazyPage(() => import("./rewards/rewards-page.js").then((page) => page.RewardsPage));
const TiersPage = lazyPage(() => import("./tiers/tiers-page.js").then((page) => page.TiersPage));

const PAGES = [
  { path: "/overview", label: "Overview" },
  { path: "/program", label: "Program" },
  { path: "/tiers", label: "Tiers" },
  { path: "/members", label: "Members" },
  { path: "/rewards", label: "Rewards" },
  { path: "/referrals", label: "Referrals" },
  { path: "/activity", label: "Activity" },
  { path: "/operations", label: "Operations" },
  { path: "/api", label: "API" },
] as const;

function Page({ path }: { path: string }) {
  const member = /^\/members\/([^/]+)$/.exec(path);
  if (member?.[1]) return <MemberPage memberId={decodeURIComponent(member[1])} />;
  const challenge = /^\/program\/challenges\/([^/]+)$/.exec(path);
  if (challenge?.[1]) return <ChallengePage challengeId={challenge[1] === "new" ? null : decodeURIComponent(challenge[1])} />;
  if (path === "/program/proofs") return <ProofsPage />;
  if (path === "/overview") return <OverviewPage />;
  if (path === "/tiers") return <TiersPage />;
  if (path === "/members") return <MembersPage />;
  if (path === "/rewards") return <RewardsPage />;
  if (path === "/referrals") return <ReferralsPage />;
  if (path === "/activity") return <ActivityPage />;
  if (path === "/operations") return <OperationsPage />;
  if (path === "/api") return <ApiKeysPage />;
  return <ProgramPage />;
}

/** The signed-in dashboard: a tab per page, the page under it; the address's fragment says which. */
export function App({ dashboard }: { dashboard: Omit<Dashboard, "navigate"> }) {
  const [path, navigate] = useRoute();
  const value = useMemo(() => ({ ...dashboard, navigate }), [dashboard, path]);
  const section = "/" + (path.split("/")[1] ?? "");
  return (
    <DashboardContext.Provider value={value}>
      <nav class="ql-tabs" aria-label="Dashboard pages">
        {PAGES.map((page) => (
          <a key={page.path} class="ql-tabs__tab" href={`#${page.path}`} aria-current={section === page.path ? "page" : undefined}>
            {page.label}
          </a>
        ))}
      </nav>
      <div class="settings-page__body">
        <Page path={path} />
      </div>
    </DashboardContext.Provider>
  );
}
