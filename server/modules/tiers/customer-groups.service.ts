import { z } from "zod";
import { EcwidApiError } from "../../ecwid/ecwid-api-error.js";
import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import { isGroupsUnavailable, type EcwidCustomerGroups } from "../../ecwid/customer-groups.client.js";
import { AppError } from "../../lib/errors.js";
import { parseInput } from "../../lib/validation.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { InstallService } from "../stores/install.service.js";
import type { GroupLinkWalkService } from "./group-link-walk.service.js";
import type { GroupMoveService } from "./group-move.service.js";

export const newGroupSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

/** A store's Ecwid customer groups, each with the tiers linked to it; and links naming a group Ecwid no longer has. */
export interface CustomerGroupList {
  groups: { id: number; name: string; tierIds: string[] }[];
  missing: { tierId: string; customerGroupId: number }[];
}

export const groupsUnavailable = () =>
  new AppError(
    "customer_groups_unavailable",
    "This store's Ecwid plan has no customer groups, so tiers cannot be linked to groups and no member is moved. Customer groups come with Ecwid's plans that include them.",
  );

/** The dashboard's side of group linking: the groups read from Ecwid each time, and new ones made there. */
export class CustomerGroupsService {
  constructor(
    private readonly deps: {
      ecwid: Pick<EcwidCustomerGroups, "list" | "create">;
      profiles: Pick<EcwidClient, "getProfile">;
      installs: Pick<InstallService, "accessToken">;
      settings: Pick<SettingsService, "get">;
      moves: Pick<GroupMoveService, "resume">;
      walk: Pick<GroupLinkWalkService, "recheck">;
      /** Starts Ecwid's authorization again with every scope the app asks for (CONTRACT §1.2). */
      grantUrl: string;
    },
  ) {}

  /**
   * A plan without customer groups is told apart whichever way Ecwid says so: its profile's `availableFeatures`
   * lacks `CUSTOMER_GROUPS`, or the groups' endpoint answers 403 CUSTOMER_GROUPS_FEATURE_NOT_AVAILABLE.
   */
  async list(storeId: number): Promise<CustomerGroupList> {
    const token = await this.deps.installs.accessToken(storeId);
    const features = (await this.deps.profiles.getProfile(storeId, token)).account?.availableFeatures;
    if (features && !features.includes("CUSTOMER_GROUPS")) throw groupsUnavailable();
    const groups = await this.askEcwid(() => this.deps.ecwid.list(storeId, token));
    const { tiers } = await this.deps.settings.get(storeId);
    const known = new Set(groups.map((group) => group.id));
    return {
      groups: groups.map((group) => ({ id: group.id, name: group.name, tierIds: tiers.filter((tier) => tier.customerGroupId === group.id).map((tier) => tier.id) })),
      missing: tiers.flatMap((tier) => (tier.customerGroupId !== null && !known.has(tier.customerGroupId) ? [{ tierId: tier.id, customerGroupId: tier.customerGroupId }] : [])),
    };
  }

  async create(storeId: number, input: unknown): Promise<{ id: number; name: string }> {
    const { name } = parseInput(newGroupSchema, input);
    const token = await this.deps.installs.accessToken(storeId);
    const { id } = await this.askEcwid(() => this.deps.ecwid.create(storeId, token, name));
    return { id, name };
  }

  /**
   * Looks at every member's group again, e.g. once the store's plan has customer groups: refused while it still has
   * none. `started` false: a check asked for less than a minute ago is already under way.
   */
  async sync(storeId: number): Promise<{ started: boolean }> {
    await this.list(storeId);
    this.deps.moves.resume(storeId);
    return { started: (await this.deps.walk.recheck(storeId)).created };
  }

  private async askEcwid<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isGroupsUnavailable(error)) throw groupsUnavailable();
      if (error instanceof EcwidApiError && error.errorCode === "INSUFFICIENT_APP_SCOPE") {
        throw new AppError("scope_missing", "Questline may not manage this store's customer groups yet. Allow it once in Ecwid, then try again.", {
          scope: "update_customers",
          grantUrl: this.deps.grantUrl,
        });
      }
      throw error;
    }
  }
}
