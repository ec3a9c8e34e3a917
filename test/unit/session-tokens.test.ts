import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { createSessionTokens } from "../../server/lib/session-tokens.js";

const SECRET = "unit-session-secret-0123456789-0123456789";

describe("session tokens", () => {
  it("when a token verified before expires, then it is refused though its check was kept", () => {
    const clock = manualClock();
    const tokens = createSessionTokens(SECRET, () => clock.now());
    const token = tokens.sign("shopper", { storeId: 1, memberId: "m1" }, 60);
    expect(tokens.verify("shopper", token)).toMatchObject({ storeId: 1, memberId: "m1" });
    clock.advance(59_000);
    expect(tokens.verify("shopper", token)).toMatchObject({ memberId: "m1" });
    clock.advance(1_000);
    expect(tokens.verify("shopper", token)).toBeNull();
  });

  it("when a kept token is asked for with another audience, or its claims are changed by a caller, then neither leaks", () => {
    const tokens = createSessionTokens(SECRET, () => new Date());
    const token = tokens.sign("shopper", { storeId: 1, memberId: "m1" }, 60);
    const claims = tokens.verify("shopper", token)!;
    claims.memberId = "someone-else";
    expect(tokens.verify("shopper", token)).toMatchObject({ memberId: "m1" });
    expect(tokens.verify("admin", token)).toBeNull();
  });

  it("when a token is forged with another secret or altered, then it is refused every time", () => {
    const tokens = createSessionTokens(SECRET, () => new Date());
    const forged = jwt.sign({ storeId: 1, memberId: "m1" }, "another-secret-0123456789-0123456789", { audience: "shopper", issuer: "questline", expiresIn: 60 });
    const good = tokens.sign("shopper", { storeId: 1, memberId: "m1" }, 60);
    expect(tokens.verify("shopper", good)).not.toBeNull();
    const [header, , signature] = good.split(".");
    const altered = `${header}.${Buffer.from(JSON.stringify({ storeId: 2, memberId: "m1", aud: "shopper", iss: "questline", exp: 9e9 })).toString("base64url")}.${signature}`;
    for (let i = 0; i < 2; i++) {
      expect(tokens.verify("shopper", forged)).toBeNull();
      expect(tokens.verify("shopper", altered)).toBeNull();
    }
  });

  it("when more valid tokens are verified than it keeps, then each still verifies (the kept checks stay bounded)", () => {
    const tokens = createSessionTokens(SECRET, () => new Date(), 3);
    const signed = Array.from({ length: 8 }, (_, i) => tokens.sign("shopper", { storeId: 1, memberId: `m${i}` }, 60));
    for (const token of signed) tokens.verify("shopper", token);
    expect(tokens.verify("shopper", signed[0]!)).toMatchObject({ memberId: "m0" });
    expect(tokens.verify("shopper", signed.at(-1)!)).toMatchObject({ memberId: "m7" });
  });
});
