import { z } from "zod";

/** `PUT /api/storefront/:storeId/me/leaderboard`: a shopper puts themselves on the board, or takes themselves off. */
export const leaderboardChoiceSchema = z.strictObject({ optIn: z.boolean() });

/**
 * `GET /api/storefront/:storeId/leaderboard`: the calendar month's (store time zone) top members by points earned,
 * named by first name and initial only, and, for a signed-in shopper, their own choice and rank.
 */
export const leaderboardSchema = z.object({
  month: z.string(),
  top: z.array(z.object({ rank: z.number().int(), name: z.string(), points: z.number().int() })),
  me: z.object({ optedIn: z.boolean(), rank: z.number().int().nullable(), points: z.number().int() }).nullable(),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;
