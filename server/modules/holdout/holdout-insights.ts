import type { UnitOfWork } from "../../storage/storage.port.js";
import type { HoldoutGroup } from "../members/member.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { HoldoutSettings } from "./holdout.rules.js";

/** Below this many members on either side, a difference says little: the dashboard says so. */
export const SMALL_SAMPLE = 100;

/** One side of the comparison: members drawn into it, how many bought again, and their spend (whole minor units). */
export interface HoldoutSide {
  members: number;
  /** Members with two or more paid orders. */
  repeatBuyers: number;
  /** repeatBuyers / members, 0 to 1 (0 with no members). */
  repeatRate: number;
  /** Lifetime spend per member, rounded to a whole minor unit. */
  averageSpendMinor: number;
}

/** `GET /api/admin/insights/holdout`: members in the program against members held out, among those who joined while a holdout ran. */
export interface HoldoutInsights {
  /** The holdout as set now (percent 0: none set). */
  period: HoldoutSettings;
  program: HoldoutSide;
  holdout: HoldoutSide;
  /** Either side under SMALL_SAMPLE members. */
  smallSample: boolean;
}

function side(group: HoldoutGroup | undefined): HoldoutSide {
  const members = group?.members ?? 0;
  const repeatBuyers = group?.repeatBuyers ?? 0;
  return { members, repeatBuyers, repeatRate: members === 0 ? 0 : repeatBuyers / members, averageSpendMinor: members === 0 ? 0 : Math.round((group?.spendMinor ?? 0) / members) };
}

/** The two sides from the members' holdout draws, counted by the storage (a GROUP BY on PostgreSQL). */
export function compareHoldout(groups: HoldoutGroup[], period: HoldoutSettings): HoldoutInsights {
  const program = side(groups.find((group) => !group.held));
  const holdout = side(groups.find((group) => group.held));
  return { period, program, holdout, smallSample: Math.min(program.members, holdout.members) < SMALL_SAMPLE };
}

export class HoldoutInsightsService {
  constructor(private readonly deps: { storage: UnitOfWork<"members">; settings: Pick<SettingsService, "get"> }) {}

  async compare(storeId: number): Promise<HoldoutInsights> {
    const { holdout } = await this.deps.settings.get(storeId);
    return compareHoldout(await this.deps.storage.read(storeId, (tx) => tx.members.holdoutGroups(storeId)), holdout);
  }
}
