import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rememberReferral } from "../../server/widget/referral-memory.js";

const DAY = 86_400_000;
const NOW = Date.parse("2025-05-01T12:00:00Z");
let kept: Map<string, string>;

/** The browser's localStorage, as far as the loader uses it. */
function fakeStorage(refuse = false) {
  const guard = () => {
    if (refuse) throw new DOMException("denied", "SecurityError");
  };
  return {
    getItem: (key: string) => (guard(), kept.get(key) ?? null),
    setItem: (key: string, value: string) => (guard(), void kept.set(key, value)),
    removeItem: (key: string) => (guard(), void kept.delete(key)),
  };
}

beforeEach(() => {
  kept = new Map();
  vi.stubGlobal("localStorage", fakeStorage());
});
afterEach(() => vi.unstubAllGlobals());

describe("the loader remembering a friend's referral code", () => {
  it("when a page opens with ?ql_ref and ?ql_ch, then later pages without them still have the code and channel for 30 days, and not after", () => {
    expect(rememberReferral("?ql_ref=MAYA-7Q2K&ql_ch=whatsapp", NOW)).toEqual({ code: "MAYA-7Q2K", channel: "whatsapp" });

    expect(rememberReferral("", NOW + 29 * DAY)).toEqual({ code: "MAYA-7Q2K", channel: "whatsapp" });
    expect(rememberReferral("?page=2", NOW + 30 * DAY + 1)).toBeNull();
    expect(kept.size).toBe(0);
  });

  it("when a code is in lower case, then it is kept upper-cased; when the channel is unknown or missing, then it is 'other'", () => {
    expect(rememberReferral("?ql_ref=maya-7q2k&ql_ch=Bad%20Channel", NOW)).toEqual({ code: "MAYA-7Q2K", channel: "other" });
    expect(rememberReferral("?ql_ref=JO-ABCD", NOW)).toEqual({ code: "JO-ABCD", channel: "other" });
  });

  it("when a newer link names another code, then it replaces the older one", () => {
    rememberReferral("?ql_ref=MAYA-7Q2K&ql_ch=copy", NOW);
    rememberReferral("?ql_ref=JO-ABCD&ql_ch=email", NOW + DAY);

    expect(rememberReferral("", NOW + 2 * DAY)).toEqual({ code: "JO-ABCD", channel: "email" });
  });

  it("when the query carries a code that is not a code, then it is ignored and the one kept before stays", () => {
    rememberReferral("?ql_ref=MAYA-7Q2K&ql_ch=copy", NOW);

    for (const bad of ["<script>", "MAYA-0000", "TOOLONGNAME-7Q2K", "MAYA-7Q2K%20x"]) {
      expect(rememberReferral(`?ql_ref=${bad}&ql_ch=x`, NOW)).toEqual({ code: "MAYA-7Q2K", channel: "copy" });
    }
  });

  it("when what is kept is garbled, then nothing is remembered and it is dropped", () => {
    kept.set("questline:referral", "not a code 99999999999999");

    expect(rememberReferral("", NOW)).toBeNull();
    expect(kept.size).toBe(0);
  });

  it("when storage is refused, then a code from this page's link still counts for this page, and none is invented", () => {
    vi.stubGlobal("localStorage", fakeStorage(true));

    expect(rememberReferral("?ql_ref=MAYA-7Q2K&ql_ch=qr", NOW)).toEqual({ code: "MAYA-7Q2K", channel: "qr" });
    expect(rememberReferral("", NOW)).toBeNull();
  });
});
