import { z } from "zod";

/** A birthday as the shopper gives it: the day ("MM-DD") or the full date ("YYYY-MM-DD"); the day is what pays. */
export const birthdaySchema = z
  .string()
  .regex(/^(\d{4}-)?\d{2}-\d{2}$/, "must be MM-DD or YYYY-MM-DD")
  .refine((value) => {
    const [month, day] = value.slice(-5).split("-").map(Number) as [number, number];
    const year = value.length === 10 ? Number(value.slice(0, 4)) : 2000;
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "is not a date in the calendar");

/** "How likely are you to recommend us?": 0-10 and an optional comment. */
export const surveyAnswerSchema = z.strictObject({
  score: z.number().int().min(0).max(10),
  comment: z.string().trim().max(500).optional(),
});

/** What the largest proof photo may weigh, decoded; the widget scales a phone's picture down below it. */
export const PROOF_PHOTO_BYTES = 1_000_000;
const photoDataUrl = z
  .string()
  .max(Math.ceil((PROOF_PHOTO_BYTES * 4) / 3) + 40)
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, "must be a JPEG, PNG or WebP photo");

export const birthdayTaskSchema = z.strictObject({ birthday: birthdaySchema });
export const surveyTaskSchema = z.strictObject({ answer: surveyAnswerSchema });
export const linkProofSchema = z.strictObject({ link: z.url({ protocol: /^https?$/ }).max(500) });
export const photoProofSchema = z.strictObject({ photo: photoDataUrl });
export const emptyTaskSchema = z.strictObject({});

/**
 * `POST /api/storefront/:storeId/challenges/:challengeId/complete`: `{}` to join or for a click-through, a
 * birthday, a survey answer, or proof (a link or a photo); each challenge takes the one its kind asks for.
 */
export const taskBodySchema = z.union([birthdayTaskSchema, surveyTaskSchema, linkProofSchema, photoProofSchema, emptyTaskSchema]);
export type TaskBody = z.infer<typeof taskBodySchema>;

/** What doing a task gave: 200 paid at once, 202 sent for review (nothing yet). */
export const taskAnswerSchema = z.object({
  awarded: z.object({ points: z.number().int(), badges: z.array(z.string()), rewards: z.array(z.string()) }),
  balance: z.number().int(),
  /** When it can be done again (a repeat's next period); null when never or not yet known. */
  nextAvailableAt: z.string().nullable(),
});
export type TaskAnswer = z.infer<typeof taskAnswerSchema>;

/** `GET /me`: the member's proof for a challenge's current period while it waits, or why the merchant turned it down. */
export const proofStandingSchema = z.object({ status: z.enum(["pending", "rejected"]), reason: z.string().nullable() }).nullable();
export type ProofStanding = z.infer<typeof proofStandingSchema>;
