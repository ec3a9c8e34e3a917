import type { ComponentChildren } from "preact";
import type { Formatters } from "../format.js";
import { LucideIcon } from "../ui/lucide-icon.js";
import type { ChallengeDraft } from "./challenge-draft.js";
import { hasTarget } from "./challenge-draft.js";
import { NETWORK_NAMES } from "./challenge-words.js";

interface PreviewProps {
  draft: ChallengeDraft;
  fmt: Formatters;
  theme: { primaryColor: string; textColor: string };
  storeName: string;
  badgeNames: string[];
  rewardNames: string[];
  now: Date;
}

const DAY = 86_400_000;

/** A sample shopper a little more than half way there, never done, so the merchant sees the card in progress. */
export function sampleProgress(target: number): number {
  if (!Number.isFinite(target) || target <= 1) return 0;
  return Math.min(target - 1, Math.max(1, Math.round(target * 0.6)));
}

function targetOf(fmt: Formatters, draft: ChallengeDraft): number {
  if (!hasTarget(draft.kind)) return 1;
  if (draft.kind === "spend") {
    const typed = fmt.fromAmountText(draft.target);
    return "minor" in typed ? typed.minor : 0;
  }
  const n = Number(draft.target);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The widget's words for the window: "Ends in 3 days", "Starts Dec 5, 2026". */
function windowLine(fmt: Formatters, draft: ChallengeDraft, now: Date): string | null {
  if (draft.windowKind !== "dates") return null;
  const starts = draft.startsOn ? new Date(`${draft.startsOn}T00:00:00`) : null;
  if (starts && starts.getTime() > now.getTime()) return `Starts ${fmt.date(starts.toISOString())}`;
  const ends = draft.endsOn ? new Date(`${draft.endsOn}T23:59:59`) : null;
  if (!ends || Number.isNaN(ends.getTime())) return null;
  const days = Math.ceil((ends.getTime() - now.getTime()) / DAY);
  return days <= 0 ? "Ended" : days === 1 ? "Ends today" : `Ends in ${days} days`;
}

function Bar({ progress, target, words, name }: { progress: number; target: number; words: string; name: string }) {
  const width = `${target > 0 ? Math.min(100, Math.round((progress / target) * 100)) : 0}%`;
  return (
    <>
      <div class="bar" role="progressbar" aria-label={name} aria-valuemin={0} aria-valuemax={target} aria-valuenow={progress} aria-valuetext={words}>
        <i style={{ width }} />
      </div>
      <div class="muted sm">{words}</div>
    </>
  );
}

function Stamps({ filled, total, icon }: { filled: number; total: number; icon: ChallengeDraft["icon"] }) {
  return (
    <ol class="stamps" aria-label={`${filled} of ${total} stamps`}>
      {Array.from({ length: total }, (_, at) => (
        <li class={at < filled ? "stamp on" : "stamp"} key={at}>
          {at < filled && <LucideIcon name={icon} size={16} />}
        </li>
      ))}
    </ol>
  );
}

/** What the card asks the shopper to do now, for the kinds done in the widget. */
function Task({ draft, storeName }: { draft: ChallengeDraft; storeName: string }): ComponentChildren {
  switch (draft.kind) {
    case "visit":
      return <span class="task">{draft.network === "website" ? "Visit the page" : `Follow us on ${NETWORK_NAMES[draft.network]}`}</span>;
    case "survey":
      return (
        <>
          <div class="muted sm">How likely are you to recommend {storeName} to a friend?</div>
          <div class="scale" aria-hidden="true">
            {Array.from({ length: 11 }, (_, n) => (
              <span key={n}>{n}</span>
            ))}
          </div>
        </>
      );
    case "proof":
      return (
        <>
          {draft.prompt.trim() && <div class="muted sm">{draft.prompt}</div>}
          <span class="task">{draft.proof === "photo" ? "Your photo" : "Link to your post or review"}</span>
        </>
      );
    case "birthday":
      return <span class="task">Your birthday</span>;
    case "join":
      return <span class="task">Collect your points</span>;
    case "first_order":
      return <div class="muted sm">Place your first order</div>;
    default:
      return null;
  }
}

function progressWords(fmt: Formatters, draft: ChallengeDraft, progress: number, target: number): string {
  const of = (n: number) => (draft.kind === "spend" ? fmt.money(n) : fmt.count(n));
  const units: Partial<Record<ChallengeDraft["kind"], string>> = { stamps: "stamps", streak: `${draft.streakPeriod}s in a row`, spend: "spent", referrals: "friends referred" };
  const unit = units[draft.kind] ?? "orders";
  return `${of(progress)} of ${of(target)} ${unit}`;
}

/**
 * The challenge as the storefront widget draws it (its header colour, card, progress bar, stamp card, task and
 * reward chip), for a sample shopper part way there; it follows the form as the merchant types.
 */
export function CardPreview({ draft, fmt, theme, storeName, badgeNames, rewardNames, now }: PreviewProps) {
  const target = targetOf(fmt, draft);
  const progress = sampleProgress(target);
  const title = draft.title.trim() || "Your challenge's title";
  const points = Number(draft.points);
  const gives = [Number.isInteger(points) && points > 0 ? `+${fmt.points(points)}` : null, ...badgeNames, ...rewardNames].filter((text): text is string => Boolean(text));
  const when = windowLine(fmt, draft, now);
  const level = draft.every === "completion" && Number(draft.levelStep) > 0;
  return (
    <div class="ql-card-preview" style={{ "--ql-primary": theme.primaryColor, "--ql-on-primary": theme.textColor }}>
      <div class="hd">
        <div class="store">{storeName}</div>
        <div class="hd__title">Challenges</div>
      </div>
      <div class={draft.status === "draft" || draft.hidden ? "card faded" : "card"}>
        <span class="medal">
          <LucideIcon name={draft.icon} size={20} />
        </span>
        <div class="grow">
          <div class="tt">{title}</div>
          {draft.description.trim() && <div class="muted">{draft.description}</div>}
          {(when || level) && <div class="muted sm">{[level && "Level 1", when].filter(Boolean).join(" · ")}</div>}
          {draft.kind === "stamps" && target > 0 && target <= 50 ? (
            <Stamps filled={progress} total={target} icon={draft.icon} />
          ) : (
            hasTarget(draft.kind) && target > 0 && <Bar progress={progress} target={target} words={progressWords(fmt, draft, progress, target)} name={title} />
          )}
          <Task draft={draft} storeName={storeName} />
          {gives.length > 0 && (
            <div class="gives">
              {gives.map((text) => (
                <span class="chip" key={text}>
                  {text}
                </span>
              ))}
            </div>
          )}
        </div>
      </div>
      {draft.status === "draft" && <p class="note">Draft: shoppers do not see it yet.</p>}
      {draft.hidden && <p class="note">Hidden: shoppers see it only once they complete it.</p>}
    </div>
  );
}
