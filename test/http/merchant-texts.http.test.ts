import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function storeWithProgram(lang: string, program: Record<string, unknown[]>) {
  const { storeId } = await app.installStore({ storeName: "Tulip Teas", lang });
  const token = await app.adminToken(storeId);
  for (const [list, items] of Object.entries(program)) {
    for (const item of items) expect((await app.http.post(`/api/admin/program/${list}`, item, bearer(token))).status).toBe(201);
  }
  return { storeId, token };
}

async function signIn(storeId: number, email: string) {
  await app.http.post(`/api/storefront/${storeId}/session/start`, { email });
  return (await app.http.post(`/api/storefront/${storeId}/session/verify`, { email, code: app.mail.codeFor(email) })).data.token as string;
}

const program = async (storeId: number, lang: string) => (await app.http.get(`/api/storefront/${storeId}/program?lang=${lang}`)).data;

describe("merchant texts in the shopper's language", () => {
  it("when items carry Dutch texts, then a Dutch shopper reads them, an untranslated field falls back to the store's language, and no other language leaks", async () => {
    const { storeId } = await storeWithProgram("en", {
      challenges: [
        {
          id: "ch_spring",
          title: "Spring",
          description: "Three orders",
          points: 50,
          goal: { kind: "orders", target: 3 },
          i18n: { nl: { title: "Lente" }, de: { title: "Frühling" } },
        },
      ],
      badges: [
        {
          id: "bd_explorer",
          name: "Explorer",
          description: "A first order",
          goal: { kind: "orders", target: 1 },
          i18n: { nl: { name: "Ontdekker", description: "Een eerste bestelling" } },
        },
      ],
      tiers: [{ id: "tr_gold", name: "Gold", threshold: 0, perks: "Free shipping", i18n: { nl: { name: "Goud", perks: "Gratis verzending" } } }],
      rewards: [{ id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, i18n: { nl: { name: "$5 korting" } } }],
    });
    const dutch = await program(storeId, "nl-NL");
    expect(dutch.challenges[0]).toMatchObject({ title: "Lente", description: "Three orders" });
    expect(dutch.badges[0]).toMatchObject({ name: "Ontdekker", description: "Een eerste bestelling" });
    expect(dutch.tiers[0]).toMatchObject({ name: "Goud", perks: "Gratis verzending" });
    expect(dutch.rewards[0]).toMatchObject({ name: "$5 korting" });
    expect(JSON.stringify(dutch)).not.toMatch(/i18n|Frühling/);

    const norwegian = await program(storeId, "nb");
    expect([norwegian.challenges[0].title, norwegian.badges[0].name, norwegian.tiers[0].name, norwegian.rewards[0].name]).toEqual(["Spring", "Explorer", "Gold", "$5 off"]);
    expect((await program(storeId, "de")).challenges[0].title).toBe("Frühling");

    const token = await signIn(storeId, "ana@example.com");
    const me = await app.http.get(`/api/storefront/${storeId}/me?lang=nl`, bearer(token));
    expect(me.data.tier.current).toMatchObject({ id: "tr_gold", name: "Goud" });
    expect((await app.http.get(`/api/storefront/${storeId}/me`, bearer(token))).data.tier.current.name).toBe("Gold");
  });

  it("when the store's own language is German, then a shopper whose language has no text reads the German, and its German translation wins over the base", async () => {
    const { storeId } = await storeWithProgram("de", {
      challenges: [{ id: "ch_drei", title: "Drei Bestellungen", points: 50, goal: { kind: "orders", target: 3 }, i18n: { en: { title: "Three orders" } } }],
      tiers: [{ id: "tr_silber", name: "Silber", threshold: 0, i18n: { de: { name: "Silberstufe" } } }],
    });
    expect((await program(storeId, "nl")).challenges[0].title).toBe("Drei Bestellungen");
    expect((await program(storeId, "en")).challenges[0].title).toBe("Three orders");
    expect((await program(storeId, "nl")).tiers[0].name).toBe("Silberstufe");
  });

  it("when a translation names a language or a field Questline does not have, then 400 at its path and nothing is saved", async () => {
    const { storeId, token } = await storeWithProgram("en", {});
    const refused = await app.http.post(
      "/api/admin/program/challenges",
      { title: "Spring", points: 5, goal: { kind: "orders", target: 1 }, i18n: { fr: { title: "Printemps" }, nl: { points: 3, title: "" } } },
      bearer(token),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.issues).toEqual([
      { path: ["i18n", "nl", "title"], code: "too_small", minimum: 1, unit: "characters", message: "must not be empty" },
      { path: ["i18n", "nl", "points"], code: "unknown_field", message: expect.any(String) },
      { path: ["i18n", "fr"], code: "unknown_field", message: expect.any(String) },
    ]);
    expect((await program(storeId, "nl")).challenges).toEqual([]);
  });

  it("when the merchant edits a translation, then the activity log records just that text", async () => {
    const { token } = await storeWithProgram("en", { badges: [{ id: "bd_one", name: "One", goal: { kind: "orders", target: 1 }, i18n: { nl: { name: "Een" } } }] });
    await app.http.put("/api/admin/program/badges/bd_one", { name: "One", goal: { kind: "orders", target: 1 }, i18n: { nl: { name: "Eén" } } }, bearer(token));
    const [entry] = (await app.http.get("/api/admin/audit", bearer(token))).data.items;
    expect(entry).toMatchObject({ label: "Badge 'One' changed", details: { changes: [{ path: ["badges", "bd_one", "i18n", "nl", "name"], before: "Een", after: "Eén" }] } });
  });
});
