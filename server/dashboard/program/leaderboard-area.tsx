import type { ProgramSettings } from "../api.js";
import { Checkbox, TextField } from "../ui/field.js";
import { numberOrText } from "./fields.js";
import { PartArea } from "./part-area.js";
import { usePartEditor } from "./use-part-editor.js";

type Leaderboard = ProgramSettings["leaderboard"];
interface Draft {
  enabled: boolean;
  size: string;
}

export const describeLeaderboard = (board: Leaderboard): string =>
  board.enabled ? `The widget shows this month's top ${board.size} members by points earned.` : "The widget shows no leaderboard.";

/** The month's leaderboard in the widget: on or off, and how many it shows. */
export function LeaderboardArea() {
  const editor = usePartEditor(
    "leaderboard",
    (board): Draft => ({ enabled: board.enabled, size: String(board.size) }),
    (draft) => ({ enabled: draft.enabled, size: numberOrText(draft.size) }),
  );
  const { save, set } = editor;
  return (
    <PartArea
      title="Leaderboard"
      subtitle="Members choose to appear: nobody is on the board until they opt in from the widget, and each is shown by first name and last initial only (Maya K.), never by email."
      editor={editor}
      describe={describeLeaderboard}
      editLabel="Edit leaderboard"
      formTitle="Change the leaderboard"
      submitLabel="Save leaderboard"
      savedText="Leaderboard saved."
      fields={(draft) => (
        <div class="ql-rule-form__grid">
          <Checkbox label="Show this month's top members in the widget" checked={draft.enabled} onChange={set("enabled")} />
          {draft.enabled && <TextField label="Members shown (3 to 50)" inputMode="numeric" value={draft.size} onInput={set("size")} error={save.issue("size")} />}
        </div>
      )}
    />
  );
}
