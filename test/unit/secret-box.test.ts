import { describe, expect, it } from "vitest";
import { createSecretBox, safeEqual } from "../../server/lib/secret-box.js";

describe("secret box", () => {
  it("when a token is sealed, then it opens to the same value and the sealed form does not contain it", () => {
    const box = createSecretBox("k".repeat(40));
    const sealed = box.seal("secret_abc123");
    expect(sealed).not.toContain("secret_abc123");
    expect(box.open(sealed)).toBe("secret_abc123");
    expect(box.seal("secret_abc123")).not.toBe(sealed);
  });

  it("when opened with another key or tampered with, then it refuses", () => {
    const sealed = createSecretBox("k".repeat(40)).seal("secret_abc123");
    expect(() => createSecretBox("x".repeat(40)).open(sealed)).toThrow();
    // The body's first character carries 6 whole bits of the ciphertext (its last may carry unused padding bits).
    const bodyAt = sealed.lastIndexOf(".") + 1;
    const tampered = sealed.slice(0, bodyAt) + (sealed[bodyAt] === "A" ? "B" : "A") + sealed.slice(bodyAt + 1);
    expect(() => createSecretBox("k".repeat(40)).open(tampered)).toThrow();
  });

  it("when comparing strings, then only identical ones are equal", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
