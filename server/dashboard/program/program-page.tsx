import { useState } from "preact/hooks";
import { challengeLine, goalWords } from "../challenges/challenge-words.js";
import { useDashboard } from "../context.js";
import { BadgeEditor } from "./badge-editor.js";
import { EarningArea } from "./earning-area.js";
import { EmailsArea } from "./emails-area.js";
import { LeaderboardArea } from "./leaderboard-area.js";
import { HoldoutArea } from "./holdout-area.js";
import { MeasurementsArea } from "./measurements-area.js";
import { PointsExpiryArea } from "./points-expiry-area.js";
import { ProgramList } from "./program-list.js";
import { ProofsNotice } from "../proofs/proofs-notice.js";
import { RedemptionPolicyArea } from "./redemption-policy-area.js";
import { ReferralsProgramLink } from "../referrals/referrals-program-link.js";
import { RewardEditor } from "./reward-editor.js";
import { rewardLine } from "./reward-words.js";
import { TemplatesArea } from "./templates-area.js";
import { TextsArea } from "./texts-area.js";
import { ThemeArea } from "./theme-area.js";
import { TiersProgramLink } from "../tiers/tiers-program-link.js";

/** The loyalty program: earning, challenges, badges, a way to the tiers, rewards, and the widget's look and texts. */
export function ProgramPage() {
  const { fmt } = useDashboard();
  const [challengeSaves, setChallengeSaves] = useState(0);
  // A template adds to every list at once: they are read again.
  const [templatesApplied, setTemplatesApplied] = useState(0);
  const changed = () => setChallengeSaves((n) => n + 1);
  return (
    <>
      <ProofsNotice />
      <TemplatesArea
        onApplied={() => {
          setTemplatesApplied((n) => n + 1);
          changed();
        }}
      />
      <EarningArea />
      <ProgramList
        key={`challenges-${templatesApplied}`}
        list="challenges"
        title="Challenges"
        noun="challenge"
        subtitle="Goals and tasks that pay points, badges or rewards: from orders, stamp cards and streaks to follows, surveys and birthdays."
        summary={(c) => ({ name: c.title, line: challengeLine(fmt, c, new Date()) })}
        pageOf={(id) => `/program/challenges/${id ? encodeURIComponent(id) : "new"}`}
        onChanged={changed}
      />
      <MeasurementsArea refreshKey={challengeSaves} />
      <ProgramList
        key={`badges-${templatesApplied}`}
        list="badges"
        title="Badges"
        noun="badge"
        subtitle="Marks of honour members earn by reaching a goal."
        summary={(b) => ({ name: b.name, line: goalWords(fmt, b.goal) })}
        Editor={BadgeEditor}
      />
      <TiersProgramLink key={`tiers-${templatesApplied}`} />
      <ProgramList
        key={`rewards-${templatesApplied}`}
        list="rewards"
        title="Rewards"
        noun="reward"
        subtitle="What members can spend their points on."
        summary={(r) => ({ name: r.name, line: rewardLine(r, fmt) })}
        Editor={RewardEditor}
      />
      <RedemptionPolicyArea />
      <PointsExpiryArea />
      <EmailsArea />
      <LeaderboardArea />
      <HoldoutArea />
      <ReferralsProgramLink />
      <ThemeArea />
      <TextsArea />
    </>
  );
}
