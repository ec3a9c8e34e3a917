import { describe, expect, it } from "vitest";
import { createUnsubscribeLinks } from "../../../server/modules/emails/unsubscribe-links.js";

const links = createUnsubscribeLinks("secret-one-0123456789-0123456789", "https://app.example");
const tokenOf = (url: string) => url.slice("https://app.example/email/unsubscribe/".length);

describe("unsubscribe links", () => {
  it("when a link is made for a member, then its token reads back as that store and member", () => {
    const url = links.url(1003, "mem_0a1b2c3d4e5f6g7h");
    expect(url).toMatch(/^https:\/\/app\.example\/email\/unsubscribe\/u1\.1003\.mem_0a1b2c3d4e5f6g7h\.[A-Za-z0-9_-]{43}$/);
    expect(links.read(tokenOf(url))).toEqual({ storeId: 1003, memberId: "mem_0a1b2c3d4e5f6g7h" });
  });

  it("when a token is cut, changed to name another member or store, or signed with another secret, then it reads as nothing", () => {
    const token = tokenOf(links.url(1003, "mem_a"));
    const other = createUnsubscribeLinks("secret-two-0123456789-0123456789", "https://app.example");
    for (const bad of [
      token.slice(0, -1),
      token.replace("mem_a", "mem_b"),
      token.replace("1003", "1004"),
      tokenOf(other.url(1003, "mem_a")),
      "",
      "u1.0.mem_a.x",
      `${token}.extra`,
      "u1.99999999999999999.mem_a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ]) {
      expect(links.read(bad)).toBeNull();
    }
  });
});
