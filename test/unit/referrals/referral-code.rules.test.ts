import { describe, expect, it } from "vitest";
import { CODE_SUFFIX_ALPHABET, codeStem, referralCode } from "../../../server/modules/referrals/referral-code.rules.js";
import { REFERRAL_CODE_PATTERN } from "../../../server/modules/referrals/referral-wire.js";

describe("referral codes", () => {
  it("when a member has a name, then the code starts with their first name in ASCII capitals, at most eight letters", () => {
    expect(codeStem({ name: "Maya Kowalski", email: "mk@example.com" })).toBe("MAYA");
    expect(codeStem({ name: "Zoë", email: null })).toBe("ZOE");
    expect(codeStem({ name: "Łukasz", email: null })).toBe("LUKASZ");
    expect(codeStem({ name: "Søren Ærø", email: null })).toBe("SOREN");
    expect(codeStem({ name: "Straße", email: null })).toBe("STRASSE");
    expect(codeStem({ name: "Maximilian", email: null })).toBe("MAXIMILI");
    expect(codeStem({ name: "  jean-luc", email: null })).toBe("JEAN");
  });

  it("when a member has no name with a letter, then the email's local part gives the letters", () => {
    expect(codeStem({ name: null, email: "anna.berg+shop@example.com" })).toBe("ANNA");
    expect(codeStem({ name: "李雷", email: "li.lei@example.com" })).toBe("LI");
    expect(codeStem({ name: "", email: "Émile_99@example.com" })).toBe("EMILE");
  });

  it("when neither name nor email gives a letter, then the code starts with FRIEND", () => {
    expect(codeStem({ name: null, email: null })).toBe("FRIEND");
    expect(codeStem({ name: "李雷", email: "1234@example.com" })).toBe("FRIEND");
  });

  it("when a stem and a suffix of the alphabet are joined, then the code is what the landing and loader accept", () => {
    expect(referralCode("MAYA", "7Q2K")).toBe("MAYA-7Q2K");
    for (const letter of CODE_SUFFIX_ALPHABET) expect(REFERRAL_CODE_PATTERN.test(referralCode("FRIEND", letter.repeat(4)))).toBe(true);
    expect(CODE_SUFFIX_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("when a part would not make a readable code, then it is refused", () => {
    expect(() => referralCode("MAYA", "0O1I")).toThrow();
    expect(() => referralCode("", "7Q2K")).toThrow();
    expect(() => referralCode("maya", "7Q2K")).toThrow();
  });
});
