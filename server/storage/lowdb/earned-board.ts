import type { EarnedBoard, EarnedQuery, LedgerEntry } from "../../modules/ledger/ledger-entry.js";
import type { Member } from "../../modules/members/member.js";

interface Earned {
  memberId: string;
  points: number;
  /** When the member reached their points: their last counted entry. */
  reached: number;
}

const ahead = (a: Earned, b: Earned) => b.points - a.points || a.reached - b.reached || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

/** The leaderboard from a store's entries in memory, ranked as the PostgreSQL statement ranks it. */
export function earnedBoard(entries: Iterable<LedgerEntry>, member: (memberId: string) => Member | null, query: EarnedQuery): EarnedBoard {
  const from = Date.parse(query.from);
  const until = Date.parse(query.until);
  const kinds = new Set<string>(query.kinds);
  const earned = new Map<string, Earned>();
  for (const entry of entries) {
    const at = Date.parse(entry.createdAt);
    if (at < from || at >= until || !kinds.has(entry.kind)) continue;
    const sum = earned.get(entry.memberId) ?? { memberId: entry.memberId, points: 0, reached: at };
    earned.set(entry.memberId, { ...sum, points: sum.points + entry.delta, reached: Math.max(sum.reached, at) });
  }
  const ranked = [...earned.values()].filter((sum) => sum.points > 0 && member(sum.memberId)?.game.leaderboard === true).sort(ahead);
  const top = ranked.slice(0, query.limit).map(({ memberId, points }, index) => {
    const { game, email } = member(memberId) as Member;
    return { memberId, points, rank: index + 1, name: game.name, email };
  });
  if (query.memberId === null) return { top, member: null };
  const mine = ranked.findIndex((sum) => sum.memberId === query.memberId);
  return { top, member: { points: Math.max(0, earned.get(query.memberId)?.points ?? 0), rank: mine === -1 ? null : mine + 1 } };
}
