import { disposableEmailBlocklistSet } from "disposable-email-domains-js";

let domains: Set<string> | null = null;

/** Whether an email's domain, or a domain it is under, is a known throwaway inbox (the community's list, CC0). */
export function isDisposableEmail(email: string | null): boolean {
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at < 0) return false;
  domains ??= disposableEmailBlocklistSet();
  const parts = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .split(".");
  for (let i = 0; i < parts.length - 1; i++) if (domains.has(parts.slice(i).join("."))) return true;
  return false;
}
