import type { StoreProfile } from "../../ecwid/wire-types.js";
import { isKnownTimeZone } from "../program/period.rules.js";
import type { Install } from "./install.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The install record a fresh (re)install produces; a reinstall inside the grace period keeps its history. */
export function installFromProfile(input: {
  storeId: number;
  sealedToken: string;
  publicToken: string | null;
  scopes: string[];
  ownerEmail: string | null;
  profile: StoreProfile;
  previous: Install | null;
  now: Date;
}): Install {
  const { profile, previous, now } = input;
  const at = now.toISOString();
  return {
    storeId: input.storeId,
    status: "active",
    accessTokenSealed: input.sealedToken,
    publicToken: input.publicToken,
    scopes: input.scopes,
    ownerEmail: input.ownerEmail ?? profile.account?.accountEmail ?? previous?.ownerEmail ?? null,
    storeName: profile.settings?.storeName || profile.account?.accountName || `Store ${input.storeId}`,
    currency: profile.formatsAndUnits?.currency ?? "USD",
    currencyPrecision: profile.formatsAndUnits?.currencyPrecision ?? 2,
    lang: profile.languages?.defaultLanguage ?? "en",
    timeZone: profileTimeZone(profile),
    storeUrl: profileStoreUrl(profile) ?? previous?.storeUrl ?? null,
    installedAt: previous?.status === "active" ? previous.installedAt : at,
    updatedAt: at,
    uninstalledAt: null,
    purgeAfter: null,
  };
}

/** The profile's time zone when the runtime knows it, else UTC. */
export function profileTimeZone(profile: StoreProfile): string {
  const zone = profile.formatsAndUnits?.timezone?.trim();
  return zone && isKnownTimeZone(zone) ? zone : "UTC";
}

/**
 * The shop's public address from the profile: its own site (`storeUrl`), else the starter site Ecwid made. Only an
 * absolute http(s) URL without credentials is kept, since visitors are sent there; anything else names no address.
 */
export function profileStoreUrl(profile: StoreProfile): string | null {
  const { storeUrl, starterSite } = profile.generalInfo;
  return shopAddress(storeUrl) ?? shopAddress(starterSite?.generatedUrl);
}

const MAX_URL_LENGTH = 2000;

function shopAddress(candidate: string | undefined): string | null {
  const text = candidate?.trim();
  if (!text || text.length > MAX_URL_LENGTH || !URL.canParse(text)) return null;
  const url = new URL(text);
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return null;
  return url.href;
}

export function uninstalled(install: Install, now: Date, graceDays: number): Install {
  return {
    ...install,
    status: "uninstalled",
    accessTokenSealed: null,
    publicToken: null,
    updatedAt: now.toISOString(),
    uninstalledAt: now.toISOString(),
    purgeAfter: new Date(now.getTime() + graceDays * DAY_MS).toISOString(),
  };
}
