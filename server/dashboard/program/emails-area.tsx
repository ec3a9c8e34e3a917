import type { ProgramSettings } from "../api.js";
import { Checkbox } from "../ui/field.js";
import { EmailPreviewPanel } from "./email-preview-panel.js";
import { PartArea } from "./part-area.js";
import { usePartEditor } from "./use-part-editor.js";

type Emails = ProgramSettings["emails"];
export type EmailKind = keyof Emails;

export const EMAIL_NAMES: Record<EmailKind, string> = {
  pointsEarned: "Points earned on an order",
  rewardIssued: "Reward issued, with its code",
  expiringSoon: "Points expiring soon",
  referralQualified: "A referred friend's order counts (to the ambassador)",
  referralPaid: "Referral reward paid (to the ambassador)",
  tierReached: "Promoted to a tier",
  tierGraceStarted: "A tier about to be lost (the date it goes)",
};
const KINDS = Object.keys(EMAIL_NAMES) as EmailKind[];

const describe = (emails: Emails) => {
  const on = KINDS.filter((kind) => emails[kind]).map((kind) => EMAIL_NAMES[kind].toLowerCase());
  return on.length ? `Members get: ${on.join("; ")}. Sign-in codes always go.` : "Members get no emails but their sign-in codes.";
};

/** Which emails members get, each with a preview in the store's languages. */
export function EmailsArea() {
  const editor = usePartEditor(
    "emails",
    (emails): Emails => ({ ...emails }),
    (draft) => draft,
  );
  return (
    <PartArea
      title="Emails to members"
      subtitle="Sent in the member's language, each with a one-click unsubscribe link."
      editor={editor}
      describe={describe}
      editLabel="Choose emails"
      formTitle="Choose which emails members get"
      submitLabel="Save emails"
      savedText="Email choices saved."
      fields={(draft) => (
        <fieldset class="fieldset ql-choices">
          <legend class="fieldset__title">Send</legend>
          <div class="ql-choices__list">
            {KINDS.map((kind) => (
              <Checkbox key={kind} label={EMAIL_NAMES[kind]} checked={draft[kind]} onChange={editor.set(kind)} />
            ))}
          </div>
        </fieldset>
      )}
      extra={<EmailPreviewPanel kinds={KINDS} names={EMAIL_NAMES} />}
    />
  );
}
