import { Alert } from "../ui/alert.js";
import { CategoryPicker, ProductPicker } from "../ui/catalog-pickers.js";
import { SelectField, TextField } from "../ui/field.js";
import type { GoalKind } from "../../modules/program/challenge-schema.js";
import type { GoalDraft, Network } from "./challenge-draft.js";
import { hasTarget } from "./challenge-draft.js";
import type { ChallengeFieldsProps } from "./challenge-fields.js";
import { KIND_NAMES, NETWORK_NAMES } from "./challenge-words.js";

const TARGET_LABELS: Partial<Record<GoalKind, string>> = {
  orders: "Target orders",
  product: "Orders with these products",
  streak: "In a row",
  stamps: "Stamps on the card",
  referrals: "Friends referred",
};

type GoalFieldsProps<D extends GoalDraft> = ChallengeFieldsProps<D> & {
  /** The kinds offered (a badge's milestone measures orders only). */
  kinds?: [GoalKind, string][];
  label?: string;
};

/** What a challenge (or a badge's milestone) asks for: its kind, and the fields that kind needs. */
export function GoalFields<D extends GoalDraft>({ draft, set: setOf, issue, moneyIssue, fmt, kinds = KIND_NAMES, label = "Goal" }: GoalFieldsProps<D>) {
  // D's goal fields are GoalDraft's, which TypeScript cannot see through the generic key.
  const set = setOf as unknown as <K extends keyof GoalDraft>(key: K) => (value: GoalDraft[K]) => void;
  const kind = draft.kind;
  const goalIssue = (...path: (string | number)[]) => issue("goal", ...path);
  return (
    <>
      <div class="ql-rule-form__grid">
        <SelectField label={label} value={kind} options={kinds} onChange={set("kind")} error={goalIssue("kind")} />
        {kind === "spend" && (
          <TextField
            label={`Target (${fmt.currency})`}
            inputMode="decimal"
            value={draft.target}
            onInput={set("target")}
            error={moneyIssue(draft.target, "goal", "target")}
            hint="lifetime spend after discounts and refunds, without shipping and tax"
          />
        )}
        {hasTarget(kind) && kind !== "spend" && (
          <TextField
            label={TARGET_LABELS[kind] ?? "Target"}
            inputMode="numeric"
            value={draft.target}
            onInput={set("target")}
            error={goalIssue("target")}
            hint={kind === "stamps" ? "one stamp per unit bought, 1 to 50" : kind === "streak" ? "2 or more" : undefined}
          />
        )}
        {kind === "streak" && (
          <SelectField
            label="Calendar period"
            value={draft.streakPeriod}
            options={[
              ["week", "Weeks"],
              ["month", "Months"],
            ]}
            onChange={set("streakPeriod")}
            error={goalIssue("period")}
          />
        )}
        {kind === "birthday" && (
          <TextField
            label="Points each year on the day"
            inputMode="numeric"
            value={draft.yearlyPoints}
            onInput={set("yearlyPoints")}
            error={goalIssue("yearlyPoints")}
            hint="in your store's time zone; empty or 0: none"
          />
        )}
        {kind === "visit" && (
          <SelectField
            label="Where to"
            value={draft.network}
            options={Object.entries(NETWORK_NAMES).map(([network, name]) => [network as Network, network === "website" ? "A web page" : name])}
            onChange={set("network")}
            error={goalIssue("network")}
          />
        )}
        {kind === "proof" && (
          <SelectField
            label="Proof asked for"
            value={draft.proof}
            options={[
              ["link", "A link (to a post or review)"],
              ["photo", "A photo"],
            ]}
            onChange={set("proof")}
            error={goalIssue("proof")}
          />
        )}
      </div>
      {kind === "visit" && (
        <>
          <TextField label="Link (https://…)" value={draft.url} onInput={set("url")} error={goalIssue("url")} maxLength={500} placeholder="https://instagram.com/yourshop" />
          <Alert tone="info" title="Counted on trust">
            <p>A shopper completes this task by opening your link from the widget. Whether they really followed or read it cannot be checked, so keep its reward small.</p>
          </Alert>
        </>
      )}
      {kind === "proof" && (
        <>
          <TextField
            label="What to send"
            value={draft.prompt}
            onInput={set("prompt")}
            error={goalIssue("prompt")}
            maxLength={300}
            placeholder="A link to your review of our shop"
          />
          <p class="ql-hint">Each proof waits in the moderation queue until you approve it (then it pays) or reject it with a reason the shopper sees.</p>
        </>
      )}
      {kind === "survey" && <p class="ql-hint">Shoppers answer from 0 to 10 with an optional comment; the answers make your Net Promoter Score.</p>}
      {kind === "join" && <p class="ql-hint">Paid once, on the shopper's first verified sign-in to the widget.</p>}
      {kind === "share_link" && (
        <p class="ql-hint">
          Paid once, the first time someone opens the shopper's referral link (link previews in chats and feeds do not count). That someone may be the shopper themselves, so keep
          its reward small. Shown only while your referral program is on.
        </p>
      )}
      {kind === "referrals" && (
        <p class="ql-hint">
          Counts friends whose referral reward was paid: a new customer, not the ambassador, past your hold. A friend refunded before then never counts. Shown only while your
          referral program is on.
        </p>
      )}
      {(kind === "product" || kind === "stamps") && (
        <div class="ql-rule-form__pickers">
          <ProductPicker label="Products" picked={draft.products} onChange={set("products")} error={goalIssue("productIds")} />
          <CategoryPicker label="Categories" picked={draft.categories} onChange={set("categories")} error={goalIssue("categoryIds")} />
        </div>
      )}
    </>
  );
}
