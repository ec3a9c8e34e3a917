/** A store's installation of Questline. One per Ecwid store id. */
export interface Install {
  storeId: number;
  status: "active" | "uninstalled";
  /** Ecwid secret access token, sealed with the app's ENCRYPTION_KEY; null once uninstalled. */
  accessTokenSealed: string | null;
  publicToken: string | null;
  scopes: string[];
  ownerEmail: string | null;
  storeName: string;
  currency: string;
  /** Digits after the decimal point in the store currency (Ecwid `currencyPrecision`). */
  currencyPrecision: number;
  lang: string;
  /** The store's IANA time zone (Ecwid's profile `formatsAndUnits.timezone`; "UTC" when unknown): calendar periods of challenges. */
  timeZone: string;
  /**
   * The shop's storefront address (the profile's `generalInfo.storeUrl`, else its starter site), http(s) only: the one
   * place a referral landing sends a visitor. Null when Ecwid named none, or for installs recorded before it was kept.
   */
  storeUrl: string | null;
  installedAt: string;
  updatedAt: string;
  uninstalledAt: string | null;
  /** When an uninstalled store's program data is deleted for good. */
  purgeAfter: string | null;
}

export interface InstallRepository {
  get(storeId: number): Promise<Install | null>;
  save(storeId: number, install: Install): Promise<void>;
  listDueForPurge(now: Date): Promise<Install[]>;
  remove(storeId: number): Promise<void>;
}
