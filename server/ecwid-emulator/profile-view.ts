import type { StoreRecord } from "./emulator-state.js";

/** `GET /profile` (CONTRACT §4.5); a public token gets the storefront-safe parts only, without the account. */
export function profileView(store: StoreRecord, forPublicToken: boolean): Record<string, unknown> {
  const { storeId, profile } = store;
  const siteUrl = `https://store${storeId}.company.site`;
  const view: Record<string, unknown> = {
    generalInfo: {
      storeId,
      storeUrl: profile.storeUrl ?? `${siteUrl}/products`,
      websitePlatform: "instantsite",
      profileId: `p${storeId}`,
      starterSite: { ecwidSubdomain: `store${storeId}`, generatedUrl: siteUrl },
    },
    account: {
      accountName: profile.storeName,
      accountNickName: profile.storeName,
      accountEmail: profile.ownerEmail,
      brandName: "Ecwid",
      suspended: false,
      availableFeatures: ["API", "APPLICATIONS", ...(store.customerGroupsFeature ? ["CUSTOMER_GROUPS"] : []), "DISCOUNT_COUPONS"],
    },
    settings: { closed: false, storeName: profile.storeName, storeDescription: "" },
    formatsAndUnits: {
      currency: profile.currency,
      currencyPrefix: profile.currencyPrefix,
      currencySuffix: profile.currencySuffix,
      currencyGroupSeparator: ",",
      currencyDecimalSeparator: ".",
      currencyPrecision: profile.currencyPrecision,
      currencyTruncateZeroFractional: false,
      currencyRate: 1,
      weightUnit: "POUND",
      dateFormat: "MMM d, yyyy",
      timeFormat: "hh:mm:ss a",
      timezone: profile.timeZone,
      orderNumberPrefix: "",
      orderNumberSuffix: "",
    },
    languages: { enabledLanguages: [profile.lang], facebookPreferredLocale: "en_US", defaultLanguage: profile.lang },
  };
  if (forPublicToken) delete view.account;
  return view;
}
