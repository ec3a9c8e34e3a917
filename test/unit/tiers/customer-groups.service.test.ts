import { describe, expect, it } from "vitest";
import { AppError } from "../../../server/lib/errors.js";
import { defaultProgramSettings } from "../../../server/modules/settings/program-settings.js";
import { CustomerGroupsService } from "../../../server/modules/tiers/customer-groups.service.js";

/** Ecwid as a plan with these features answers; every groups call counted. */
function service(availableFeatures: string[] | undefined) {
  const calls: string[] = [];
  const groups = new CustomerGroupsService({
    ecwid: {
      list: async () => {
        calls.push("list");
        return [{ id: 0, name: "General" }];
      },
      create: async () => ({ id: 1 }),
    },
    profiles: { getProfile: async (storeId) => ({ generalInfo: { storeId }, account: availableFeatures ? { availableFeatures } : {} }) },
    installs: { accessToken: async () => "secret_token" },
    settings: { get: async () => defaultProgramSettings(2) },
    moves: { resume: () => void calls.push("resume") },
    walk: {
      recheck: async () => {
        calls.push("walk");
        return { created: true };
      },
    },
    grantUrl: "https://questline.example/oauth/start",
  });
  return { groups, calls };
}

describe("the store's customer groups for the dashboard", () => {
  it("when the store's profile names a plan without CUSTOMER_GROUPS, then the list is refused with customer_groups_unavailable and no group is asked for", async () => {
    const { groups, calls } = service(["API", "DISCOUNT_COUPONS"]);
    const refusal = await groups.list(1003).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "customer_groups_unavailable" });
    expect(calls).toEqual([]);
    await expect(groups.sync(1003)).rejects.toMatchObject({ code: "customer_groups_unavailable" });
    expect(calls).toEqual([]);
  });

  it("when the merchant syncs a store whose plan has groups, then its moves may call Ecwid again and every member is looked at", async () => {
    const { groups, calls } = service(["CUSTOMER_GROUPS"]);
    await groups.sync(1003);
    expect(calls).toEqual(["list", "resume", "walk"]);
  });

  it("when the profile names the feature, or names no features at all, then the groups are listed", async () => {
    for (const features of [["API", "CUSTOMER_GROUPS"], undefined]) {
      const { groups, calls } = service(features);
      expect(await groups.list(1003)).toEqual({ groups: [{ id: 0, name: "General", tierIds: [] }], missing: [] });
      expect(calls).toEqual(["list"]);
    }
  });
});
