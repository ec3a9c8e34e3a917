import { goalText, proofText, standingText, windowText } from "./challenge-words.js";
import { h, item, muted, need, section, type Child } from "./dom.js";
import { CHECK } from "./icons.js";
import type { View } from "./sections.js";
import { taskControl, type Tasker } from "./task-forms.js";
import type { Challenge, ChallengeStanding, GoalKind, Me } from "./types.js";

/** The kinds the shopper does in the panel (the rest count orders). */
const TASK_KINDS: GoalKind[] = ["join", "birthday", "visit", "survey", "proof"];

/** A stamp card: a circle per stamp, the filled ones stamped; read out as one picture with its words. */
function stampCard({ icon }: View, name: string, filled: number, total: number, words: string): HTMLElement {
  const circles = Array.from({ length: total }, (_, at) => (at < filled ? h("i", { class: "on" }, icon(CHECK)) : h("i")));
  return h("div", { class: "stamps", role: "img", "aria-label": `${name}: ${words}` }, circles);
}

/**
 * Two sections: the tasks the shopper can do now (signed out: that signing in comes first), and the challenges with
 * their progress, stamp cards, windows, levels and repeats. A signed-in shopper sees what the server says is
 * visible to them (a hidden challenge once completed); a guest sees the active ones not hidden.
 */
export function challengeSections(view: View, me?: Me, tasker?: Tasker): Child[] {
  const { program, f } = view;
  const todo: HTMLElement[] = [];
  const rest: HTMLElement[] = [];
  for (const challenge of program.challenges) {
    const standing = me?.challenges.find((entry) => entry.id === challenge.id);
    const shown = standing ? standing.visible : !me && !challenge.hidden && !windowOver(challenge);
    if (!shown) continue;
    const done = !!standing?.completed;
    const task = TASK_KINDS.includes(challenge.goal.kind) && (standing ? standing.open && !done : true);
    // Proof waiting for review is not sent twice; turned down, it may be sent again.
    const control = task && tasker && standing?.proof?.status !== "pending" && taskControl(view, challenge, tasker);
    (task ? todo : rest).push(challengeItem(view, challenge, standing, done, control));
  }
  return [
    todo.length > 0 && section(f.t("tasks.title"), !me && muted(f.t("task.signin"), true), h("ul", null, todo)),
    rest.length > 0 && section(f.t("challenges.title"), h("ul", null, rest)),
  ];
}

const windowOver = (challenge: Challenge) => challenge.window.endsAt !== null && Date.parse(challenge.window.endsAt) <= Date.now();

/** What a challenge that pays no points gives: its catalog reward, else its badge. */
const prize = ({ program }: View, { rewardIds, badgeIds }: Challenge) =>
  program.rewards.find((reward) => rewardIds.includes(reward.id))?.name ?? program.badges.find((badge) => badgeIds.includes(badge.id))?.name;

function challengeItem(view: View, challenge: Challenge, standing: ChallengeStanding | undefined, done: boolean, control: Child): HTMLElement {
  const { program, f, icon } = view;
  const { goal } = challenge;
  const progress = standing?.progress ?? 0;
  const target = standing?.target ?? goal.target;
  const words = goalText(f, goal, progress, target);
  const stamps = standing?.stamps ?? (goal.kind === "stamps" ? { filled: 0, total: goal.target } : null);
  const notes = [
    standing && challenge.repeat.every === "completion" && f.t("challenge.level", { level: f.number(standing.level) }),
    windowText(f, standing ?? challenge.window),
    standing && standingText(f, challenge, standing),
    standing?.proof && proofText(f, standing.proof),
  ].filter(Boolean);
  const pays = challenge.points > 0 ? `+${f.points(challenge.points)}` : prize(view, challenge);
  return item(
    h("span", { class: "medal on" }, icon(program.icons[challenge.icon] ?? "")),
    h(
      "div",
      { class: "grow" },
      h("div", { class: "tt" }, challenge.title),
      challenge.description && muted(challenge.description),
      stamps
        ? [stampCard(view, challenge.title, stamps.filled, stamps.total, words), muted(words, true)]
        : standing && !done && target > 1 && need(challenge.title, progress, target, words, true),
      notes.length > 0 && muted(notes.join(" · "), true),
    ),
    done ? h("span", { class: "chip on" }, icon(CHECK), f.t("challenge.done")) : pays && h("span", { class: "chip" }, pays),
    control && h("div", { class: "full" }, control),
  );
}
