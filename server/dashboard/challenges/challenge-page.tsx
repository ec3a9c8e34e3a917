import { useEffect, useState } from "preact/hooks";
import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { ChallengeBuilder } from "./challenge-builder.js";
import type { ProgramChoices } from "./pays-fields.js";

interface Loaded {
  item: ProgramItem<"challenges"> | null;
  version: string;
  choices: ProgramChoices;
  theme: { primaryColor: string; textColor: string };
}

/** `#/program/challenges/new` or `#/program/challenges/:id`: one challenge on a page of its own, with the program's badges, rewards and tiers to choose from. */
export function ChallengePage({ challengeId }: { challengeId: string | null }) {
  const { api, navigate } = useDashboard();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    let live = true;
    void (async () => {
      const [item, badges, rewards, tiers, theme] = await Promise.all([
        challengeId ? api.item("challenges", challengeId) : null,
        api.list("badges"),
        api.list("rewards"),
        api.list("tiers"),
        api.part("theme"),
      ]);
      if (live)
        setLoaded({ item: item?.value ?? null, version: item?.version ?? "", choices: { badges: badges.items, rewards: rewards.items, tiers: tiers.items }, theme: theme.value });
    })().catch((error: Error) => live && setProblem(error.message));
    return () => {
      live = false;
    };
  }, [challengeId]);

  return (
    <>
      <p class="ql-back">
        <a href="#/program">← Program</a>
      </p>
      {loaded?.item?.goal.kind === "proof" && (
        <p class="ql-proofs-link">
          <a href="#/program/proofs">Proofs shoppers sent for review</a>
        </p>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
      {!loaded && !problem && <p class="ql-status">Loading…</p>}
      {loaded && <ChallengeBuilder key={challengeId ?? "new"} {...loaded} onDone={() => navigate("/program")} />}
    </>
  );
}
