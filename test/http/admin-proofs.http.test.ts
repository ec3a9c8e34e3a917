import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;
let admin: { headers: Record<string, string> };

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const challenges = [
  { id: "ch_review", title: "Review us", points: 25, goal: { kind: "proof", proof: "link", prompt: "Link to your review" } },
  { id: "ch_photo", title: "Show your mug", points: 40, goal: { kind: "proof", proof: "photo", prompt: "A photo of your mug in use" } },
];

beforeEach(async () => {
  clock.set("2026-12-10T12:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
  admin = bearer(await app.adminToken(storeId));
  const current = (await app.http.get("/api/admin/settings", admin)).data;
  expect((await app.http.put("/api/admin/settings", { ...current, challenges }, admin)).status).toBe(200);
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;
const proofs = (path = "") => `/api/admin/program/proofs${path}`;

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  return bearer(verified.data.token as string);
}
const send = (session: { headers: Record<string, string> }, challengeId: string, body: unknown) => app.http.post(api(`/challenges/${challengeId}/complete`), body, session);
const me = async (session: { headers: Record<string, string> }) => (await app.http.get(api("/me"), session)).data;
const queue = async (query = "") => (await app.http.get(proofs(query), admin)).data;
const stored = () => app.container.storage.read(storeId, (tx) => tx.tasks.listByStatus(storeId, "pending", { limit: 10, offset: 0 }));

/** A link proof from ana, then a photo proof from bo a minute later. */
async function twoProofs() {
  const ana = await signIn("ana@example.com");
  expect((await send(ana, "ch_review", { link: "https://reviews.example/ana" })).status).toBe(202);
  clock.set("2026-12-10T12:01:00Z");
  const bo = await signIn("bo@example.com");
  expect((await send(bo, "ch_photo", { photo: `data:image/jpeg;base64,${JPEG.toString("base64")}` })).status).toBe(202);
  const [link, photo] = (await queue()).items as { id: string }[];
  return { ana, bo, linkId: link!.id, photoId: photo!.id };
}

describe("reviewing proof through the admin API", () => {
  it("when shoppers send a link and a photo, then the queue lists both oldest first with the challenge, its prompt and the member, and the photo is served as the JPEG it is", async () => {
    const { linkId, photoId } = await twoProofs();

    expect(await queue()).toEqual({
      total: 2,
      items: [
        {
          id: linkId,
          challengeId: "ch_review",
          challengeTitle: "Review us",
          prompt: "Link to your review",
          member: { id: expect.stringMatching(/^mem_/), email: "ana@example.com" },
          status: "pending",
          link: "https://reviews.example/ana",
          photoPath: null,
          sentAt: "2026-12-10T12:00:00.000Z",
          decidedAt: null,
          reason: null,
        },
        expect.objectContaining({
          id: photoId,
          challengeTitle: "Show your mug",
          link: null,
          photoPath: `/api/admin/program/proofs/${photoId}/photo`,
          member: expect.objectContaining({ email: "bo@example.com" }),
        }),
      ],
    });

    const photo = await app.http.get(proofs(`/${photoId}/photo`), { ...admin, responseType: "arraybuffer" });
    expect(photo.status).toBe(200);
    expect(Buffer.from(photo.data as ArrayBuffer)).toEqual(JPEG);
    expect(photo.headers).toMatchObject({
      "content-type": "image/jpeg",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    });
    expect((await app.http.get(proofs(`/${linkId}/photo`), admin)).status).toBe(404);
    expect((await app.http.get(proofs(`/${photoId}/photo`))).status).toBe(401);
  });

  it("when the merchant approves a proof, then it pays its points once, leaves the queue, its photo is removed, and approving again is refused as already decided", async () => {
    const { bo, photoId } = await twoProofs();
    clock.set("2026-12-10T12:30:00Z");

    const approved = await app.http.post(proofs(`/${photoId}/approve`), {}, admin);
    expect(approved.status).toBe(200);
    expect(approved.data).toEqual({
      proof: expect.objectContaining({ id: photoId, status: "approved", photoPath: null, decidedAt: "2026-12-10T12:30:00.000Z", reason: null }),
      awarded: { points: 40, badges: [], rewards: [] },
    });
    const again = await app.http.post(proofs(`/${photoId}/approve`), {}, admin);
    expect(again.status).toBe(409);
    expect(again.data.code).toBe("already_decided");
    const rejectAfter = await app.http.post(proofs(`/${photoId}/reject`), { reason: "Too late" }, admin);
    expect(rejectAfter.status).toBe(409);

    expect((await me(bo)).member.balance).toBe(40);
    expect((await queue()).items.map((item: { challengeId: string }) => item.challengeId)).toEqual(["ch_review"]);
    expect((await queue("?status=approved")).items).toEqual([expect.objectContaining({ id: photoId, status: "approved" })]);
    expect(await app.container.storage.proofPhotos.get(storeId, photoId)).toBeNull();
    expect((await app.http.get(proofs(`/${photoId}/photo`), admin)).status).toBe(404);
  });

  it("when the merchant rejects a proof with a reason, then the shopper reads it in /me, is paid nothing, may send again, and Activity says who decided what", async () => {
    const { ana, linkId, photoId } = await twoProofs();

    const rejected = await app.http.post(proofs(`/${linkId}/reject`), { reason: "  The link does not open  " }, admin);
    expect(rejected.status).toBe(200);
    expect(rejected.data).toEqual({
      proof: expect.objectContaining({ id: linkId, status: "rejected", reason: "The link does not open" }),
      awarded: { points: 0, badges: [], rewards: [] },
    });
    const standing = (await me(ana)).challenges.find((challenge: { id: string }) => challenge.id === "ch_review");
    expect(standing.proof).toEqual({ status: "rejected", reason: "The link does not open" });
    expect((await me(ana)).member.balance).toBe(0);
    expect((await queue("?status=rejected")).items).toEqual([expect.objectContaining({ id: linkId, reason: "The link does not open" })]);

    expect((await send(ana, "ch_review", { link: "https://reviews.example/ana-2" })).status).toBe(202);
    expect((await queue()).items.map((item: { link: string | null }) => item.link)).toEqual([null, "https://reviews.example/ana-2"]);

    expect((await app.http.post(proofs(`/${photoId}/approve`), {}, admin)).status).toBe(200);
    const activity = (await app.http.get("/api/admin/audit", admin)).data.items as { action: string; actor: string; label: string }[];
    expect(activity.slice(0, 2).map(({ action, actor, label }) => ({ action, actor, label }))).toEqual([
      { action: "proof.approved", actor: expect.any(String), label: "Proof for 'Show your mug' approved for bo@example.com (+40 points)" },
      { action: "proof.rejected", actor: expect.any(String), label: "Proof for 'Review us' rejected for ana@example.com: The link does not open" },
    ]);
    expect(activity[0]!.actor).not.toBe("system");
  });

  it("when a decision or query is malformed or names no proof, then it is refused with its reason and nothing changes", async () => {
    const { linkId } = await twoProofs();
    const before = await stored();

    const noReason = await app.http.post(proofs(`/${linkId}/reject`), {}, admin);
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ code: "validation_failed", issues: [expect.objectContaining({ path: ["reason"] })] });
    expect((await app.http.post(proofs(`/${linkId}/reject`), { reason: "   " }, admin)).status).toBe(400);
    expect((await app.http.post(proofs(`/${linkId}/reject`), { reason: "x".repeat(301) }, admin)).status).toBe(400);
    expect((await app.http.post(proofs(`/${linkId}/reject`), { reason: "No", points: 5 }, admin)).status).toBe(400);
    expect((await app.http.post(proofs(`/${linkId}/reject`), "reason", { headers: { ...admin.headers, "content-type": "application/json" } })).status).toBe(400);
    for (const id of ["tsk_unknown", "..%2F..%2Fsecret", "x".repeat(64)]) {
      expect((await app.http.post(proofs(`/${id}/approve`), {}, admin)).status).toBe(404);
      expect((await app.http.post(proofs(`/${id}/reject`), { reason: "No" }, admin)).status).toBe(404);
      expect((await app.http.get(proofs(`/${id}/photo`), admin)).status).toBe(404);
    }
    expect((await app.http.post(proofs(`/${"x".repeat(65)}/approve`), {}, admin)).status).toBe(400);
    for (const query of ["?status=done", "?status=all", "?limit=0", "?limit=101", "?offset=-1", "?sort=new"]) {
      const refused = await app.http.get(proofs(query), admin);
      expect(refused.status, query).toBe(400);
      expect(refused.data.code).toBe("validation_failed");
    }
    expect((await app.http.post(proofs(`/${linkId}/approve`), {})).status).toBe(401);

    expect(await stored()).toEqual(before);
    expect((await app.http.get("/api/admin/audit", admin)).data.items.filter((entry: { action: string }) => entry.action.startsWith("proof."))).toEqual([]);
  });

  it("when a completed task that is not proof is named, then it is not found in the review", async () => {
    const current = (await app.http.get("/api/admin/settings", admin)).data;
    await app.http.put("/api/admin/settings", { ...current, challenges: [...challenges, { id: "ch_nps", title: "Tell us", points: 5, goal: { kind: "survey" } }] }, admin);
    const cy = await signIn("cy@example.com");
    expect((await send(cy, "ch_nps", { answer: { score: 9 } })).status).toBe(200);
    const [done] = (await app.container.storage.read(storeId, (tx) => tx.tasks.listByStatus(storeId, "done", { limit: 1, offset: 0 }))).items;

    expect((await app.http.post(proofs(`/${done!.id}/approve`), {}, admin)).status).toBe(404);
    expect((await app.http.get(proofs(`/${done!.id}/photo`), admin)).status).toBe(404);
    expect((await me(cy)).member.balance).toBe(5);
  });
});
