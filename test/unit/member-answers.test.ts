import { describe, expect, it } from "vitest";
import { createChangeSignal } from "../../server/lib/change-signal.js";
import { manualClock } from "../../server/lib/clock.js";
import { GroupedCache } from "../../server/lib/grouped-cache.js";
import { MEMBER_ANSWER_TTL_MS, memberAnswers } from "../../server/http/member-answers.js";

function answers() {
  const clock = manualClock();
  const storeWrites = createChangeSignal<number>();
  const built: string[] = [];
  const storefront = {
    me: async ({ storeId, memberId }: { storeId: number; memberId: string }, lang: unknown) => {
      built.push(`${storeId}:${memberId}:${String(lang)}`);
      return { memberId, lang, n: built.length };
    },
  };
  return { clock, storeWrites, built, me: memberAnswers({ storefront: storefront as never, storeWrites, clock }) };
}

describe("memberAnswers", () => {
  it("when one member asks twice in a language however written, then the answer is built once, as JSON bytes", async () => {
    const { me, built } = answers();
    const first = await me({ storeId: 1, memberId: "m1" }, "de");
    expect(await me({ storeId: 1, memberId: "m1" }, "de-DE")).toBe(first);
    expect(JSON.parse(first.toString("utf8"))).toEqual({ memberId: "m1", lang: "de", n: 1 });
    await me({ storeId: 1, memberId: "m1" }, "en");
    await me({ storeId: 1, memberId: "m2" }, "de");
    expect(built).toEqual(["1:m1:de", "1:m1:en", "1:m2:de"]);
  });

  it("when the store is written, then its answers are built again and another store's are not", async () => {
    const { me, built, storeWrites } = answers();
    await me({ storeId: 1, memberId: "m1" }, "en");
    await me({ storeId: 2, memberId: "m1" }, "en");
    storeWrites.notify(1);
    await me({ storeId: 1, memberId: "m1" }, "en");
    await me({ storeId: 2, memberId: "m1" }, "en");
    expect(built).toEqual(["1:m1:en", "2:m1:en", "1:m1:en"]);
  });

  it("when an answer is 2 s old, or the clock goes back, then it is built again", async () => {
    const { me, built, clock } = answers();
    await me({ storeId: 1, memberId: "m1" }, "en");
    clock.advance(MEMBER_ANSWER_TTL_MS - 1);
    await me({ storeId: 1, memberId: "m1" }, "en");
    clock.advance(1);
    await me({ storeId: 1, memberId: "m1" }, "en");
    clock.advance(-10_000);
    await me({ storeId: 1, memberId: "m1" }, "en");
    expect(built).toHaveLength(3);
  });
});

describe("GroupedCache", () => {
  const cache = (maxEntries: number) => new GroupedCache<number, string>({ ttlMs: 1_000, maxEntries, now: () => 0 });

  it("when more keys are asked for than it keeps, then it holds no more than its bound, dropping the oldest", async () => {
    const kept = cache(3);
    for (let i = 0; i < 10; i++) await kept.get(i % 2, `k${i}`, async () => `v${i}`);
    expect(kept.size).toBe(3);
    let rebuilt = false;
    await kept.get(1, "k9", async () => ((rebuilt = true), "again"));
    expect(rebuilt).toBe(false);
    await kept.get(0, "k0", async () => ((rebuilt = true), "again"));
    expect(rebuilt).toBe(true);
  });

  it("when a build fails, then it is not kept; when the group changes mid-build, then its callers get it but later ones build again", async () => {
    const kept = cache(10);
    await expect(kept.get(1, "a", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(kept.size).toBe(0);
    let release!: (value: string) => void;
    const pending = kept.get(1, "a", () => new Promise<string>((resolve) => (release = resolve)));
    kept.forget(1);
    release("old");
    expect(await pending).toBe("old");
    expect(await kept.get(1, "a", async () => "new")).toBe("new");
  });

  it("when many callers ask at once, then one build serves them all", async () => {
    const kept = cache(10);
    let builds = 0;
    const all = await Promise.all(Array.from({ length: 5 }, () => kept.get(1, "a", async () => `v${++builds}`)));
    expect(all).toEqual(["v1", "v1", "v1", "v1", "v1"]);
  });
});
