import ipaddr from "ipaddr.js";

/**
 * Whether an endpoint may be called at this address: a public unicast address only. Loopback, private,
 * link-local (the cloud metadata address 169.254.169.254 among them), carrier-grade NAT, unique-local,
 * unspecified, multicast, broadcast, reserved and the IPv6 forms that carry an IPv4 address (mapped, 6to4,
 * Teredo, NAT64) are refused; an IPv4-mapped IPv6 address is judged as the IPv4 address it maps.
 * `allowLoopback` is for the tests' own receivers only (config WEBHOOKS_ALLOW_LOOPBACK).
 */
export function isCallableAddress(address: string, allowLoopback: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === "unicast" || (allowLoopback && range === "loopback");
}

/** Whether `host` (a URL's hostname, IPv6 in brackets or not) is a loopback name or address. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === "loopback";
}
