import { ApiError, type StorefrontApi } from "./api.js";
import { h, muted, nextId, titled, type Child } from "./dom.js";
import { photoDataUrl } from "./photo.js";
import type { View } from "./sections.js";
import { errorText } from "./sign-in.js";
import type { Challenge, TaskAnswer } from "./types.js";

export interface Tasker {
  api: StorefrontApi;
  /** Done, or sent for review: the panel shows the fresh standing with what it paid on top. `note` confirms what was sent. */
  done(challenge: Challenge, answer: TaskAnswer & { status: number }, note?: string): void;
  /** Refused for good (done already this period, no longer open): these words, then the fresh standing. */
  refused(challenge: Challenge, text: string): void;
}

/**
 * What the shopper does for a task, in the panel: a birthday to save, a link to visit (it opens in a new tab
 * and counts at once, on trust), a 0-10 answer with an optional comment, proof as a link or a photo, or just
 * collecting a sign-up bonus. Checked here first, so a slip is said beside the field without a round trip.
 */
export function taskControl({ f, program }: View, challenge: Challenge, tasker: Tasker): HTMLElement {
  const { goal } = challenge;
  const error = h("p", { class: "err", role: "alert" });
  const submit = h("button", { type: "submit", class: "btn small" });
  let busy = false;

  const fail = (input: HTMLElement, key: string) => {
    error.textContent = f.t(key);
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return null;
  };
  /** `body` is null when the shopper's input was refused here (it said why). */
  const send = async (body: () => object | null | Promise<object | null>, note?: string) => {
    if (busy) return;
    busy = true;
    error.textContent = "";
    submit.form?.querySelector("[aria-invalid]")?.removeAttribute("aria-invalid");
    submit.setAttribute("aria-busy", "true");
    try {
      const payload = await body();
      if (payload) tasker.done(challenge, await tasker.api.complete(challenge.id, payload), note);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409)
        return tasker.refused(
          challenge,
          f.t(caught.code === "already_completed" ? "error.already_completed" : caught.code === "pending_review" ? "proof.pending" : "error.task_unavailable"),
        );
      error.textContent = errorText(f, caught);
    } finally {
      busy = false;
      submit.removeAttribute("aria-busy");
    }
  };
  const form = (label: string, fields: Child[], body: () => object | null | Promise<object | null>, note?: () => string) => {
    submit.textContent = f.t(label);
    return h(
      "form",
      {
        class: "task",
        novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          void send(body, note?.());
        },
      },
      fields,
      submit,
      error,
    );
  };

  const id = nextId();
  switch (goal.kind) {
    case "visit":
      return h(
        "div",
        { class: "task" },
        h(
          "a",
          { class: "btn small", href: goal.url, target: "_blank", rel: "noopener", onclick: () => void send(() => ({})) },
          goal.network === "website" ? f.t("task.visit") : f.t("task.follow", { network: f.t(`network.${goal.network}`) }),
        ),
        error,
      );
    case "birthday": {
      const input = h("input", { id, type: "date", max: new Date().toISOString().slice(0, 10), required: true });
      return form(
        "task.save",
        [h("label", { for: id }, f.t("task.birthday")), input],
        () => (/^\d{4}-\d\d-\d\d$/.test(input.value) ? { birthday: input.value } : fail(input, "error.birthday")),
        // Noon, local time: a date alone would be read as midnight UTC, the day before west of Greenwich.
        () => f.t("task.birthday_saved", { date: f.date(`${input.value}T12:00`) }),
      );
    }
    case "survey": {
      const scale = nextId();
      const comment = h("input", { id, type: "text", maxlength: 500 });
      let score = -1;
      const scores = Array.from({ length: 11 }, (_, n) =>
        h(
          "button",
          {
            type: "button",
            class: "sc",
            "aria-pressed": "false",
            onclick: () => {
              score = n;
              scores.forEach((button, at) => button.setAttribute("aria-pressed", String(at === n)));
            },
          },
          n,
        ),
      );
      const question = nextId();
      return form(
        "task.send",
        [
          h("p", { id: question, class: "lbl" }, f.t("task.survey", { store: program.storeName })),
          h("div", { class: "scores", role: "group", "aria-labelledby": question, "aria-describedby": scale }, scores),
          h("p", { id: scale, class: "muted sm" }, f.t("survey.scale")),
          h("label", { for: id }, f.t("survey.comment")),
          comment,
        ],
        () => (score < 0 ? fail(scores[0]!, "survey.choose") : { answer: comment.value.trim() ? { score, comment: comment.value.trim() } : { score } }),
      );
    }
    case "proof": {
      const link = goal.proof === "link";
      const input = h("input", link ? { id, type: "url", inputmode: "url", spellcheck: "false", maxlength: 500 } : { id, type: "file", accept: "image/jpeg,image/png,image/webp" });
      return form("task.send", [muted(goal.prompt), h("label", { for: id }, f.t(link ? "proof.link" : "proof.photo")), input], async () => {
        const value = input.value.trim();
        if (link) return /^https?:\/\/[^\s.]+\.\S+$/.test(value) ? { link: value } : fail(input, "error.link");
        const file = input.files?.[0];
        const photo = file && (await photoDataUrl(file));
        return photo ? { photo } : fail(input, file ? "proof.too_big" : "error.photo");
      });
    }
    default:
      // Joining: a member who joined before the challenge existed collects it here.
      return form("task.claim", [], () => ({}));
  }
}

/** What came of a task: paid, sent for review, or refused; focus moves to it, so the shopper hears it. */
export interface TaskOutcome {
  challenge: Challenge;
  answer?: TaskAnswer & { status: number };
  note?: string;
  refusal?: string;
}

export function taskOutcomeCard({ f, program }: View, { challenge, answer, note, refusal }: TaskOutcome): HTMLElement {
  const pending = answer?.status === 202;
  const badges = program.badges.filter((badge) => answer?.awarded.badges.includes(badge.id));
  return titled(
    { class: "card res", tabindex: -1 },
    answer ? f.t(pending ? "proof.pending" : "done.title") : challenge.title,
    refusal ? h("p", { class: "err" }, refusal) : pending && muted(challenge.title),
    answer && answer.awarded.points > 0 && muted(f.t("done.points", { points: f.points(answer.awarded.points) })),
    badges.map((badge) => muted(f.t("done.badge", { badge: badge.name }))),
    note && muted(note),
  );
}
