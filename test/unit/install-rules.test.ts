import { describe, expect, it } from "vitest";
import { storeProfileSchema } from "../../server/ecwid/wire-types.js";
import { profileTimeZone } from "../../server/modules/stores/install.rules.js";

const profile = (timezone?: string) => storeProfileSchema.parse({ generalInfo: { storeId: 1 }, formatsAndUnits: timezone === undefined ? {} : { timezone } });

describe("the store's time zone", () => {
  it("when the profile names a zone the runtime knows, then the install keeps it", () => {
    expect(profileTimeZone(profile("Europe/Amsterdam"))).toBe("Europe/Amsterdam");
  });

  it("when the profile names no zone, an empty one or one the runtime does not know, then the install reads UTC", () => {
    expect(profileTimeZone(profile())).toBe("UTC");
    expect(profileTimeZone(profile(" "))).toBe("UTC");
    expect(profileTimeZone(profile("Mars/Olympus_Mons"))).toBe("UTC");
    expect(profileTimeZone(storeProfileSchema.parse({ generalInfo: { storeId: 1 } }))).toBe("UTC");
  });
});
