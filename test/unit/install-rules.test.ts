import { describe, expect, it } from "vitest";
import { storeProfileSchema } from "../../server/ecwid/wire-types.js";
import { profileStoreUrl, profileTimeZone } from "../../server/modules/stores/install.rules.js";

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

describe("the shop's address", () => {
  const withInfo = (generalInfo: Record<string, unknown>) => storeProfileSchema.parse({ generalInfo: { storeId: 1, ...generalInfo } });

  it("when the profile names the shop's site, then the install keeps it, else the starter site", () => {
    expect(profileStoreUrl(withInfo({ storeUrl: "https://shop.example/store", starterSite: { generatedUrl: "https://store1.company.site" } }))).toBe("https://shop.example/store");
    expect(profileStoreUrl(withInfo({ storeUrl: "", starterSite: { generatedUrl: "https://store1.company.site" } }))).toBe("https://store1.company.site/");
  });

  it("when the address is not plain http(s), carries credentials or is not a URL, then the install names none", () => {
    for (const storeUrl of ["javascript:alert(1)", "data:text/html,hi", "//evil.example", "https://user:pw@shop.example/", "ftp://shop.example/", "shop.example"]) {
      expect(profileStoreUrl(withInfo({ storeUrl })), storeUrl).toBeNull();
    }
  });

  it("when the profile's address fields have a shape we cannot read, then the profile still parses and names no address", () => {
    expect(profileStoreUrl(withInfo({ storeUrl: 42, starterSite: "nope" }))).toBeNull();
    expect(profileStoreUrl(withInfo({}))).toBeNull();
  });
});
