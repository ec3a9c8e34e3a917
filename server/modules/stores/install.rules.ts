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
