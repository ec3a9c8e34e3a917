import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;
let admin: { headers: Record<string, string> };

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en" }));
  admin = bearer(await app.adminToken(storeId));
  expect((await app.http.put("/api/admin/program/referrals", { enabled: true }, admin)).status).toBe(200);
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;
const blockOf = (memberId: string) => `/api/admin/members/${memberId}/referral/block`;

/** A verified shopper who read /me once (so their code is issued); with `code: false` they never did. */
async function shopper(email: string, { code = true } = {}) {
  await app.http.post(api("/session/start"), { email });
  const token = (await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) })).data.token as string;
  if (code) await app.http.get(api("/me"), bearer(token));
  const member = (await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email)))!;
  return { token, member };
}

const audit = async () => (await app.http.get("/api/admin/audit", admin)).data.items as { action: string; label: string; actor: string; subject: string }[];
const ambassadorEntries = async () => (await audit()).filter((entry) => entry.action.startsWith("ambassador."));

describe("blocking an ambassador", () => {
  it("when the merchant blocks an ambassador with a reason, then their side says so everywhere, once, audited, and unblocking lifts it", async () => {
    const { token, member } = await shopper("maya@example.com");

    const blocked = await app.http.put(blockOf(member.id), { reason: "  Posts the code on coupon sites " }, admin);
    expect(blocked.status).toBe(200);
    expect(blocked.data).toMatchObject({ memberId: member.id, referral: { code: member.referral!.code, blocked: { reason: "Posts the code on coupon sites" } } });
    const again = await app.http.put(blockOf(member.id), { reason: "another reason" }, admin);
    expect(again.data.referral.blocked).toEqual(blocked.data.referral.blocked);

    expect((await app.http.get(api("/me"), bearer(token))).data.referral.blocked).toBe(true);
    const listed = await app.http.get("/api/admin/members?email=maya", admin);
    expect(listed.data.items[0].referral).toMatchObject({ code: member.referral!.code, blocked: { reason: "Posts the code on coupon sites" }, friendsOrdered: 0, paid: 0 });
    const [entry, ...others] = await ambassadorEntries();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "ambassador.blocked", subject: member.id, label: "Ambassador maya@example.com blocked: Posts the code on coupon sites" });
    expect(blocked.data.referral.blocked.by).toBe(entry!.actor);

    const lifted = await app.http.delete(blockOf(member.id), admin);
    expect([lifted.status, lifted.data.referral.blocked]).toEqual([200, null]);
    expect((await app.http.delete(blockOf(member.id), admin)).status).toBe(200);
    expect((await app.http.get(api("/me"), bearer(token))).data.referral.blocked).toBe(false);
    expect((await ambassadorEntries()).map((one) => one.label)).toEqual([
      "Ambassador maya@example.com unblocked",
      "Ambassador maya@example.com blocked: Posts the code on coupon sites",
    ]);
  });

  it.each([
    ["no reason", {}],
    ["an empty reason", { reason: "   " }],
    ["a reason past 200 characters", { reason: "x".repeat(201) }],
    ["a reason that is not text", { reason: 42 }],
    ["a field it does not know", { reason: "spam", until: "2027-01-01" }],
  ])("when the block has %s, then it is refused with 400 and nothing changes", async (_case, body) => {
    const { member } = await shopper("maya@example.com");

    const refused = await app.http.put(blockOf(member.id), body, admin);

    expect(refused.status).toBe(400);
    expect(refused.data.code).toBe("validation_failed");
    expect((await app.container.storage.read(storeId, (tx) => tx.members.get(storeId, member.id)))?.referral?.blocked).toBeNull();
    expect(await ambassadorEntries()).toEqual([]);
  });

  it("when the member is unknown, has no code yet, or the caller is no merchant, then 404, 409 and 401, and nothing changes", async () => {
    const { member } = await shopper("bo@example.com", { code: false });

    expect((await app.http.put(blockOf("mem_nobody"), { reason: "spam" }, admin)).status).toBe(404);
    const noCode = await app.http.put(blockOf(member.id), { reason: "spam" }, admin);
    expect([noCode.status, noCode.data.code]).toEqual([409, "conflict"]);
    expect((await app.http.put(blockOf(member.id), { reason: "spam" })).status).toBe(401);
    expect((await app.container.storage.read(storeId, (tx) => tx.members.get(storeId, member.id)))?.referral).toBeNull();
    expect(await ambassadorEntries()).toEqual([]);
  });
});
