import { isIPv6 } from "node:net";

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** IPv6 groups of one side of "::"; an embedded IPv4 tail stands for the last two groups (never part of a /64). */
const groupsOf = (part: string): string[] => (part === "" ? [] : part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])));

/**
 * The network one caller controls, for per-caller limits: an IPv4 address as it is, an IPv6 address as its /64,
 * since a single home or phone is given a whole /64 and could otherwise take a fresh address for every request.
 */
export function clientNetwork(address: string): string {
  const mapped = MAPPED_IPV4.exec(address);
  if (mapped) return mapped[1]!;
  const bare = address.split("%")[0]!;
  if (!isIPv6(bare)) return address;
  const [head = "", tail] = bare.split("::");
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
