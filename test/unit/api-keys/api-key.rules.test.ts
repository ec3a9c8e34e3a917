import { describe, expect, it } from "vitest";
import { addressOf, hashToken, isApiKeyToken, lastUseIsStale, mintToken, tokenMatches } from "../../../server/modules/api-keys/api-key.rules.js";

describe("API key rules", () => {
  it("when a key is minted, then it names its store and key id, and matches only its own hash", () => {
    const token = mintToken(1003, "key_0123456789abcdef");
    const other = mintToken(1003, "key_0123456789abcdef");

    expect(isApiKeyToken(token)).toBe(true);
    expect(addressOf(token)).toEqual({ storeId: 1003, keyId: "key_0123456789abcdef" });
    expect(token).not.toBe(other);
    expect(tokenMatches({ hash: hashToken(token) }, token)).toBe(true);
    expect(tokenMatches({ hash: hashToken(token) }, other)).toBe(false);
  });

  it("when a presented key is not shaped like one of ours, then it has no address", () => {
    const secret = "A".repeat(43);
    for (const token of [
      "ql_",
      `ql_0_0123456789abcdef_${secret}`,
      `ql_99999999999999999_0123456789abcdef_${secret}`,
      `ql_12_0123456789ABCDEF_${secret}`,
      `ql_12_0123456789abcdef_${secret}x`,
      `ql_12_0123456789abcdef_${"A".repeat(42)}`,
      `ql_12_0123456789abcdef_${"A".repeat(42)}.`,
      `xx_12_0123456789abcdef_${secret}`,
    ]) {
      expect(addressOf(token), token).toBeNull();
    }
  });

  it("when a key was last used under a minute ago, then its last use is not written again", () => {
    const now = new Date("2026-03-01T10:01:00.000Z");

    expect(lastUseIsStale({ lastUsedAt: null }, now)).toBe(true);
    expect(lastUseIsStale({ lastUsedAt: "2026-03-01T10:00:00.001Z" }, now)).toBe(false);
    expect(lastUseIsStale({ lastUsedAt: "2026-03-01T10:00:00.000Z" }, now)).toBe(true);
  });
});
