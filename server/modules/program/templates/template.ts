import type { z } from "zod";
import type { badgeSchema, challengeSchema, rewardSchema, TierInput } from "../../settings/program-settings.js";

type ChallengeInput = z.input<typeof challengeSchema>;

/**
 * A challenge of a template that counts units of a category (a stamp card, "buy from …"): the category is the
 * store's own, found by these words in its name at apply time (else the store's first category).
 */
export interface CategoryChallenge {
  challenge: ChallengeInput;
  categoryWords: string[];
}

/** What a template adds to a program; ids are fixed (`ch_tpl_…`), so applying it again adds nothing twice. */
export interface TemplateItems {
  challenges: ChallengeInput[];
  categoryChallenges: CategoryChallenge[];
  badges: z.input<typeof badgeSchema>[];
  tiers: TierInput[];
  rewards: z.input<typeof rewardSchema>[];
}

export interface ProgramTemplate {
  id: string;
  name: string;
  description: string;
  /** The items, money in minor units of a currency with `precision` decimals. */
  items: (precision: number) => TemplateItems;
}

/** A whole amount of the store currency in its minor units ($5 is 500 cents, ¥500 is 500 yen). */
export const major = (amount: number, precision: number) => Math.round(amount * 10 ** precision);

/** A click-through task comes as a draft: its link must be the shop's own before shoppers see it. */
export const followTask = (id: string, network: "instagram" | "facebook" | "tiktok", points: number): ChallengeInput => ({
  id,
  title: `Follow us on ${network === "tiktok" ? "TikTok" : network.charAt(0).toUpperCase() + network.slice(1)}`,
  description: "Set your shop's own link, then make this task active.",
  icon: "thumbs-up",
  status: "draft",
  goal: { kind: "visit", target: 1, url: `https://www.${network}.com/`, network },
  points,
});

/** A stamp card that restarts on completion and gives a reward: `target` units from the store's category named like `categoryWords`. */
export const stampCard = (
  card: Pick<ChallengeInput, "id" | "title" | "description" | "icon"> & { target: number; rewardId: string },
  categoryWords: string[],
): CategoryChallenge => ({
  categoryWords,
  challenge: {
    id: card.id,
    title: card.title,
    description: card.description,
    icon: card.icon,
    goal: { kind: "stamps", target: card.target, productIds: [], categoryIds: [] },
    points: 0,
    rewardIds: [card.rewardId],
    repeat: { every: "completion" },
  },
});
