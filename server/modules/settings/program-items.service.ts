import { z } from "zod";
import { AppError, notFound, versionConflict } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { parseInput, validationFailed, type ValidationIssue } from "../../lib/validation.js";
import type { ListPart } from "./program-diff.rules.js";
import {
  badgeSchema,
  challengeSchema,
  earningRuleSchema,
  emailSwitchesSchema,
  leaderboardSettingsSchema,
  pointsExpirySchema,
  redemptionPolicySchema,
  rewardSchema,
  textsSchema,
  themeSchema,
  tierSchema,
  type ProgramSettings,
} from "./program-settings.js";
import { referralSettingsSchema } from "../referrals/referral-settings.js";
import { holdoutSettingsSchema } from "../holdout/holdout.rules.js";
import { membershipSchema, tierRulesSchema } from "../tiers/tier-schema.js";
import { matchesVersion, versionOf } from "./program-version.rules.js";
import type { ProgramWrite, SettingsService } from "./settings.service.js";

export type ProgramItem<L extends ListPart> = ProgramSettings[L][number];

export const PROGRAM_LISTS: { [L in ListPart]: { schema: z.ZodType<ProgramItem<L>>; prefix: string; noun: string } } = {
  challenges: { schema: challengeSchema, prefix: "ch", noun: "challenge" },
  badges: { schema: badgeSchema, prefix: "bd", noun: "badge" },
  tiers: { schema: tierSchema, prefix: "tr", noun: "tier" },
  rewards: { schema: rewardSchema, prefix: "rw", noun: "reward" },
};

export type SinglePart = "earning" | "theme" | "texts" | "redemption" | "expiry" | "emails" | "leaderboard" | "referrals" | "tierRules" | "memberships" | "holdout";

export const PROGRAM_PARTS: { [P in SinglePart]: { schema: z.ZodType<ProgramSettings[P]>; noun: string } } = {
  earning: { schema: earningRuleSchema, noun: "earning rule" },
  theme: { schema: themeSchema, noun: "widget look" },
  texts: { schema: textsSchema, noun: "widget texts" },
  redemption: { schema: redemptionPolicySchema, noun: "redemption policy" },
  expiry: { schema: pointsExpirySchema, noun: "points expiry" },
  emails: { schema: emailSwitchesSchema, noun: "email choices" },
  leaderboard: { schema: leaderboardSettingsSchema, noun: "leaderboard" },
  referrals: { schema: referralSettingsSchema, noun: "referral program" },
  tierRules: { schema: tierRulesSchema, noun: "tier rules" },
  memberships: { schema: z.array(membershipSchema).max(10), noun: "paid memberships" },
  holdout: { schema: holdoutSettingsSchema, noun: "holdout" },
};

/** A piece of the program with its version, the `ETag` a later write may send back as `If-Match`. */
export interface Versioned<T> {
  value: T;
  version: string;
}

/**
 * A program-wide refusal about the item being written (a badge or tier it names that the program lacks) said
 * from the item itself, `badgeIds.0` for `challenges.3.badgeIds.0`, as the item's form names its fields.
 */
async function itemIssues<T>(list: ListPart, index: () => number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const issues = error instanceof AppError && error.code === "validation_failed" ? (error.details as { issues?: ValidationIssue[] } | undefined)?.issues : undefined;
    if (!issues?.some((issue) => issue.path[0] === list && issue.path[1] === index())) throw error;
    throw validationFailed(issues.map((issue) => (issue.path[0] === list && issue.path[1] === index() ? { ...issue, path: issue.path.slice(2) } : issue)));
  }
}

const versioned = <T>(value: T): Versioned<T> => ({ value, version: versionOf(value) });
const itemsOf = <L extends ListPart>(settings: ProgramSettings, list: L) => settings[list] as ProgramItem<L>[];
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The program one resource at a time: challenges, badges, tiers and rewards item by item, and the earning
 * rule, theme and texts each whole. Each piece has its own version, so edits of different items never
 * conflict; every write goes through the settings service (one transaction, audited, signalled).
 */
export class ProgramItemsService {
  constructor(private readonly settings: SettingsService) {}

  async list<L extends ListPart>(storeId: number, list: L): Promise<{ items: ProgramItem<L>[]; versions: Record<string, string> }> {
    const items = itemsOf(await this.settings.get(storeId), list);
    return { items, versions: Object.fromEntries(items.map((item) => [item.id, versionOf(item)])) };
  }

  async item<L extends ListPart>(storeId: number, list: L, id: string): Promise<Versioned<ProgramItem<L>>> {
    return versioned(this.find(await this.settings.get(storeId), list, id));
  }

  /** Adds an item; its id is made here when the input has none (`ch_` and 16 lowercase letters and digits). */
  async create<L extends ListPart>(storeId: number, list: L, input: unknown, actor: string): Promise<Versioned<ProgramItem<L>>> {
    const { schema, prefix, noun } = PROGRAM_LISTS[list];
    const item = parseInput(schema, isRecord(input) && input.id === undefined ? { ...input, id: newId(prefix) } : input);
    let at = -1;
    const saved = await itemIssues(
      list,
      () => at,
      () =>
        this.settings.edit(storeId, { actor }, `${list}/${item.id}`, (current) => {
          if (itemsOf(current, list).some((existing) => existing.id === item.id)) {
            throw validationFailed([{ path: ["id"], code: "not_unique", message: `is already the id of another ${noun}` }]);
          }
          at = current[list].length;
          return { ...current, [list]: [...current[list], item] };
        }),
    );
    return versioned(this.find(saved, list, item.id));
  }

  async update<L extends ListPart>(storeId: number, list: L, id: string, input: unknown, write: ProgramWrite): Promise<Versioned<ProgramItem<L>>> {
    const item = parseInput(PROGRAM_LISTS[list].schema, isRecord(input) && input.id === undefined ? { ...input, id } : input);
    if (item.id !== id) throw validationFailed([{ path: ["id"], code: "invalid_value", message: `must be ${id}, the id in the address (an id cannot change)` }]);
    let at = -1;
    const saved = await itemIssues(
      list,
      () => at,
      () =>
        this.settings.edit(storeId, write, `${list}/${id}`, (current) => {
          this.check(current, list, id, write);
          at = itemsOf(current, list).findIndex((existing) => existing.id === id);
          return { ...current, [list]: itemsOf(current, list).map((existing) => (existing.id === id ? item : existing)) };
        }),
    );
    return versioned(this.find(saved, list, id));
  }

  async remove(storeId: number, list: ListPart, id: string, write: ProgramWrite): Promise<void> {
    await this.settings.edit(storeId, write, `${list}/${id}`, (current) => {
      this.check(current, list, id, write);
      return { ...current, [list]: itemsOf(current, list).filter((existing) => existing.id !== id) };
    });
  }

  async part<P extends SinglePart>(storeId: number, part: P): Promise<Versioned<ProgramSettings[P]>> {
    return versioned((await this.settings.get(storeId))[part]);
  }

  async updatePart<P extends SinglePart>(storeId: number, part: P, input: unknown, write: ProgramWrite): Promise<Versioned<ProgramSettings[P]>> {
    const { schema, noun } = PROGRAM_PARTS[part];
    const value = parseInput(schema, input);
    const saved = await this.settings.edit(storeId, write, part, (current) => {
      if (!matchesVersion(write.ifMatch, versionOf(current[part])))
        throw versionConflict(`The ${noun} was changed since you read it; \`current\` holds it as it is now.`, current[part]);
      return { ...current, [part]: value };
    });
    return versioned(saved[part]);
  }

  private find<L extends ListPart>(settings: ProgramSettings, list: L, id: string): ProgramItem<L> {
    const item = itemsOf(settings, list).find((existing) => existing.id === id);
    if (!item) throw notFound(`There is no ${PROGRAM_LISTS[list].noun} ${id}`);
    return item;
  }

  /** The item must still exist, and still be the version the writer read when it says which one it read. */
  private check(current: ProgramSettings, list: ListPart, id: string, write: ProgramWrite): void {
    const item = this.find(current, list, id);
    if (!matchesVersion(write.ifMatch, versionOf(item))) {
      throw versionConflict(`This ${PROGRAM_LISTS[list].noun} was changed since you read it; \`current\` holds it as it is now.`, item);
    }
  }
}
