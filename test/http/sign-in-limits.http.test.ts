import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en" }));
});
afterEach(() => app.close());

const from = (address: string) => ({ headers: { "X-Forwarded-For": address } });
const askCode = (email: string, address: string) => app.http.post(`/api/storefront/${storeId}/session/start`, { email }, from(address));
const guess = (email: string, code: string, address: string) => app.http.post(`/api/storefront/${storeId}/session/verify`, { email, code }, from(address));
const mailsTo = (email: string) => app.mail.messages.filter((message) => message.to.includes(email)).length;

describe("sign-in limits that give nobody a lock-out switch", () => {
  it("when someone elsewhere hammers a shopper's email, then the shopper still gets a code on their own device and signs in", async () => {
    const asked = [];
    for (let i = 0; i < 8; i++) asked.push(await askCode("gus@example.com", "198.51.100.66"));
    expect(asked.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    expect(Number(asked.at(-1)!.headers["retry-after"])).toBeGreaterThan(0);
    const guessed = [];
    for (let i = 0; i < 12; i++) guessed.push((await guess("gus@example.com", String(100_000 + i), "198.51.100.66")).status);
    expect(guessed.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(guessed.slice(10)).toEqual([429, 429]);

    expect((await askCode("gus@example.com", "192.0.2.7")).status).toBe(202);
    const signedIn = await guess("gus@example.com", app.mail.codeFor("gus@example.com"), "192.0.2.7");
    expect(signedIn.status).toBe(200);
    expect(signedIn.data.token).toEqual(expect.any(String));
    expect(mailsTo("gus@example.com")).toBe(6);
  });

  it("when codes for one email are asked from many addresses, then 20 a day go out and no more", async () => {
    const statuses = [];
    for (let address = 1; address <= 5; address++) for (let i = 0; i < 5; i++) statuses.push((await askCode("hal@example.com", `203.0.113.${address}`)).status);
    expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    expect(mailsTo("hal@example.com")).toBe(20);
    expect((await askCode("ida@example.com", "203.0.113.5")).status).toBe(202);
  });

  it("when one address asks for codes for many emails, then the eleventh in a quarter hour is refused and no mail goes out", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await askCode(`ip${i}@example.com`, "10.9.9.9")).status);
    expect(statuses).toEqual([...Array<number>(10).fill(202), 429]);
    expect(mailsTo("ip10@")).toBe(0);
  });

  it("when one address guesses across many emails, then it is stopped after 30 guesses a quarter hour", async () => {
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await guess(`guess${i % 4}@example.com`, "123456", "10.8.8.8")).status);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
