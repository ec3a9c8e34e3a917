import { describe, expect, it } from "vitest";
import { newPass, passDrafts, passesBody } from "../../server/dashboard/tiers/memberships-draft.js";
import { membershipSchema } from "../../server/modules/tiers/tier-schema.js";

const saved = [
  { id: "ms_club", productId: 7001, tierId: "tr_club", months: 12 },
  { id: "ms_trial", productId: 7002, tierId: "tr_gold", months: 1 },
];

describe("the paid memberships form's draft", () => {
  it("when saved passes are opened and saved unchanged, then the body is the passes again, each product named as the catalog said or by its id", () => {
    const drafts = passDrafts(saved, new Map([[7001, "Club pass · $49.00"]]));
    expect(drafts.map((pass) => pass.product?.name)).toEqual(["Club pass · $49.00", "Product #7002"]);
    expect(passesBody(drafts).map((pass) => membershipSchema.parse(pass))).toEqual(saved);
  });

  it("when a pass is added, then it has an id the API takes, no product yet and a year; sent as it is, the product is missing and months typed wrong go as text", () => {
    const pass = newPass("tr_club");
    expect(membershipSchema.shape.id.safeParse(pass.id).success).toBe(true);
    expect(passesBody([{ ...pass, months: "a year" }])).toEqual([{ id: pass.id, productId: null, tierId: "tr_club", months: "a year" }]);
    expect(passesBody([pass])[0]?.months).toBe(12);
  });
});
