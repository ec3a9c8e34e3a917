import fc from "fast-check";
import type { BodySpec, HostileRequest } from "./hostile-request.js";
import { contentType, encoding, headerName, headerValue } from "./hostile-transport.arbitraries.js";
import { hostileKey, hostileString, hostileValue, pathChar } from "./hostile-values.arbitraries.js";

/** Hostile requests to the merchant API (`/api/admin/...`), as recipes for `toRawRequest`; the caller adds the bearer token. */

const LISTS = ["challenges", "badges", "tiers", "rewards"] as const;
const PARTS = ["earning", "theme", "texts", "referrals", "holdout"] as const;

/** Ids that exist in the attacker's store, that exist only in the victim's, and ones no store could hold. */
const itemId = fc.oneof(
  fc.constantFrom(
    "ch_mine",
    "bd_mine",
    "tr_mine",
    "rw_mine",
    "ch_new",
    "bd_new1",
    "tr_new",
    "rw_new",
    "ch_theirs",
    "bd_theirs",
    "tr_theirs",
    "rw_theirs",
    "mem_theirs",
    "ref_mine",
    "ref_theirs",
  ),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "%2e%2e", "..", "%ED%A0%80", "%FF", "%00", "ch_%2Fx", `ch_${"a".repeat(64)}`, "%20", "*"),
  fc.array(pathChar, { minLength: 1, maxLength: 20 }).map((chars) => chars.join("").replace(/[/?#]/g, "") || "x"),
);

const path = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...LISTS), itemId).map(([list, id]) => `/api/admin/program/${list}/${id}`) },
  { weight: 4, arbitrary: fc.constantFrom(...LISTS).map((list) => `/api/admin/program/${list}`) },
  { weight: 5, arbitrary: fc.constantFrom(...PARTS).map((part) => `/api/admin/program/${part}`) },
  fc.constantFrom(
    "/api/admin/settings",
    "/api/admin/program/preview",
    "/api/admin/program/measurements",
    "/api/admin/store",
    "/api/admin/audit",
    "/api/admin/inbox",
    "/api/admin/backfills",
  ),
  itemId.map((id) => `/api/admin/program/measurements/${id}`),
  itemId.map((id) => `/api/admin/members/${id}/adjustments`),
  itemId.map((id) => `/api/admin/members/${id}/ledger`),
  itemId.map((id) => `/api/admin/members/${id}/tier`),
  fc.constant("/api/admin/program/tiers/preview"),
  fc.constantFrom("/api/admin/api-keys", "/api/admin/openapi.json", "/api/admin/reference"),
  itemId.map((id) => `/api/admin/api-keys/${id}`),
  fc.constantFrom("/api/admin/simulations", "/api/admin/simulations/orders", "/api/admin/simulations/orders?refresh[]=1"),
  fc.constantFrom(
    "/api/admin/webhook-endpoints",
    "/api/admin/insights/holdout",
    "/api/admin/insights/overview?from=2026-01-01&to=2026-01-31",
    "/api/admin/insights/overview?from=9999-12-31&to=9999-12-31",
    "/api/admin/insights/overview?from[]=2026-01-01&to=0",
  ),
  fc.tuple(itemId, fc.constantFrom("", "/roll-secret", "/test", "/deliveries", "/deliveries?limit=1e9")).map(([id, action]) => `/api/admin/webhook-endpoints/${id}${action}`),
  itemId.map((id) => `/api/admin/redemptions/${id}/fulfil`),
  fc.tuple(itemId, fc.constantFrom("approve", "reject", "photo")).map(([id, action]) => `/api/admin/program/proofs/${id}/${action}`),
  fc.constantFrom("/api/admin/program/proofs", "/api/admin/program/proofs?status=done", "/api/admin/program/proofs?status[]=pending", "/api/admin/program/proofs?limit=1e9"),
  fc.tuple(itemId, fc.constantFrom("approve", "reject")).map(([id, action]) => `/api/admin/referrals/${id}/${action}`),
  fc.constantFrom(
    "/api/admin/referrals",
    "/api/admin/referrals/summary",
    "/api/admin/referrals?status=lost",
    "/api/admin/referrals?status[]=paid",
    "/api/admin/referrals?ambassador=__proto__&limit=1e9",
    "/api/admin/referrals?offset=-1",
  ),
  itemId.map((id) => `/api/admin/emails/${id}/preview`),
  fc.constantFrom("/api/admin/emails/rewardIssued/preview?lang=xx", "/api/admin/emails/pointsEarned/preview?lang[]=de", "/api/admin/emails/expiringSoon/preview?lang=nb&x=1"),
  fc.constantFrom(
    "/api/admin/redemptions",
    "/api/admin/redemptions?status=lost",
    "/api/admin/redemptions?status[]=issued",
    "/api/admin/redemptions?limit=1e9",
    "/api/admin/donations",
    "/api/admin/donations/payout",
  ),
  fc
    .tuple(
      fc.constantFrom("products", "categories"),
      fc.constantFrom("", "?q=", "?q=%ED%A0%80", "?q[]=a", "?limit=1e9", "?offset=-1", "?q=a&q=b", "?q=__proto__&limit=100&offset=100000"),
    )
    .map(([kind, query]) => `/api/admin/catalog/${kind}${query}`),
  fc.constantFrom(
    "/api/admin/customer-groups",
    "/api/admin/customer-groups?limit=-1",
    "/api/admin/customer-groups/sync",
    "/api/admin/program/tierRules",
    "/api/admin/program/memberships",
    "/api/admin/program/tier-counts",
    "/api/admin/program/tier-counts?now=0",
    "/api/admin/export/members.csv",
    "/api/admin/export/ledger.csv?limit=1e9",
    "/api/admin/import/members",
    "/api/admin/import/members?dryRun=1",
    "/api/admin/import/members?dryRun[]=1",
  ),
  fc.constantFrom("/api/admin/members?email=%00", "/api/admin/members?email[]=a", "/api/admin/audit?limit=1e9", "/api/admin/program/challenges?limit=-1"),
);

const VALID: Record<string, Record<string, unknown>> = {
  challenges: { id: "ch_new", title: "Spring", description: "Two orders", points: 50, goal: { kind: "orders", target: 2 }, countFrom: null, i18n: { nl: { title: "Lente" } } },
  badges: { id: "bd_new", name: "Explorer", description: "", goal: { kind: "spend", target: 5000 }, i18n: { de: { name: "Entdecker" } } },
  tiers: { id: "tr_new", name: "Gold", threshold: 10_000, perks: "Free shipping", i18n: { nb: { perks: "Gratis frakt" } } },
  rewards: { id: "rw_new", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, i18n: { nl: { name: "$5 korting" } } },
  earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
  theme: { primaryColor: "#1f6feb", textColor: "#ffffff", position: "bottom-right", launcherText: "Rewards" },
  referrals: {
    enabled: true,
    friendOffer: { kind: "percent_off", percent: 10 },
    ambassadorReward: { kind: "points", points: 500 },
    holdDays: 14,
    levels: [{ id: "lv_a", name: "Advocate", minReferrals: 3 }],
  },
  holdout: { percent: 10, from: "2026-01-01", until: "2026-03-31" },
};

const translations = fc.dictionary(fc.oneof(fc.constantFrom("en", "nl", "de", "nb"), hostileKey), fc.oneof(fc.dictionary(hostileKey, hostileValue, { maxKeys: 3 }), hostileValue), {
  maxKeys: 3,
});
const fieldValue = fc.oneof(
  hostileValue,
  translations,
  fc.constantFrom(
    "x".repeat(121),
    "y".repeat(501),
    "  ",
    -1,
    0,
    1_000_001,
    100_000_000_001,
    "2026-13-45T99:00:00Z",
    "#FFF",
    { kind: "orders", target: 0 },
    { type: "PERCENT", value: 1e-9 },
  ),
);

/**
 * A valid piece of the program with up to three fields (its id among them) dropped, replaced by hostile values or
 * added, so hostile fields get past the first check and reach the program's rules and storage.
 */
function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(fc.constantFrom(...Object.keys(base)), hostileKey);
  const change = fc.tuple(key, fc.option(fieldValue, { nil: undefined }));
  return fc.array(change, { maxLength: 3 }).map((changes) => {
    const value: Record<string, unknown> = { ...base };
    for (const [name, next] of changes) {
      if (next === undefined) delete value[name];
      else Object.defineProperty(value, name, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return value;
  });
}

/** Text overrides at their limits: many keys, long keys and values, keys named like members of every object. */
/** Keys every object answers to through its prototype: as text keys they must still be plain keys. */
const OBJECT_MEMBERS = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];
const textKey = fc.oneof({ weight: 10, arbitrary: hostileKey }, fc.constantFrom(...OBJECT_MEMBERS), fc.constant("k".repeat(81)));
const textValue = fc.oneof({ weight: 20, arbitrary: fc.string({ maxLength: 20 }) }, hostileString, fc.constant("v".repeat(501)));
const texts = fc.dictionary(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom("en", "nl", "de", "nb") }, hostileKey),
  fc.oneof({ weight: 6, arbitrary: fc.dictionary(textKey, textValue, { maxKeys: 8 }) }, hostileValue),
  { maxKeys: 3 },
);

const json = (value: unknown): BodySpec => ({ kind: "json", value });

const adjustment = fc.record(
  { points: fc.oneof(fc.integer(), hostileValue), reason: fc.oneof(fc.constant("Goodwill"), hostileValue), visibleToShopper: fc.oneof(fc.boolean(), hostileValue) },
  { requiredKeys: [] },
);

/** CSV files of starting balances: real and hostile headers, cells and line breaks. */
const csvCell = fc.oneof(
  fc.constantFrom("email", "points", "balance_points", "customer_id", "language", "ana@example.com", "10", "-1", "1e9", "10000001", '"', '"a,b"', "\uFEFF", "nl", "", "=SUM(A1)"),
  hostileString,
);
const csvFile = fc
  .tuple(fc.array(fc.array(csvCell, { maxLength: 5 }), { maxLength: 6 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([rows, lineBreak]): BodySpec => ({ kind: "text", text: rows.map((cells) => cells.join(",")).join(lineBreak) }));

/** A body shaped for the route (a valid piece with hostile fields), or any of the generic hostile ones. */
function bodyFor(path: string): fc.Arbitrary<BodySpec> {
  const [, , , area, part] = path.split("?")[0]!.split("/");
  // Own keys only: an id such as "constructor" in the path must not find Object's members.
  const base = part === undefined || !Object.hasOwn(VALID, part) ? undefined : VALID[part];
  if (area === "import") return fc.oneof({ weight: 4, arbitrary: csvFile }, genericAdminBody);
  let shaped: fc.Arbitrary<unknown> | null = null;
  if (area === "members") shaped = adjustment;
  else if (area === "webhook-endpoints") shaped = mutated({ url: "https://hooks.example.com/questline", description: "CRM", events: ["member.points_changed"], enabled: true });
  else if (area === "simulations") shaped = mutated({ earning: VALID.earning, tiers: [VALID.tiers], tierRules: { window: "rolling_12_months" }, rewards: [VALID.rewards] });
  else if (part === "preview")
    shaped = fc.oneof(
      mutated(VALID.challenges!).map((challenge) => ({ challenge })),
      mutated(VALID.badges!).map((badge) => ({ badge })),
    );
  else if (part === "texts")
    shaped = fc.oneof(
      texts,
      fc.constantFrom(...OBJECT_MEMBERS).map((key) => ({ en: { [key]: "Hi" } })),
    );
  else if (base)
    shaped = fc
      .tuple(mutated(base), fc.stringMatching(/^[a-z0-9]{1,3}$/))
      .map(([value, suffix]) => (value.id === base.id ? { ...value, id: `${String(base.id)}${suffix}` } : value));
  return shaped ? fc.oneof({ weight: 4, arbitrary: shaped.map(json) }, genericAdminBody) : genericAdminBody;
}

const genericAdminBody: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 6 }).map((entries): BodySpec => ({ kind: "entries", entries })),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"en":{"__proto__":{"polluted":1}}}', "{not json", "null", "[]").map((text): BodySpec => ({ kind: "text", text })),
  fc.record({ open: fc.constantFrom("[" as const, '{"a":' as const), levels: fc.constantFrom(1_000, 20_000) }).map((deep): BodySpec => ({ kind: "deep", ...deep })),
  fc.constantFrom(99 * 1024, 101 * 1024).map((size): BodySpec => ({ kind: "huge", size })),
);

/** If-Match values: none, garbage, lists, weak tags, `*`. */
const ifMatch = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  fc.constantFrom("*", '"x"', 'W/"x"', '"", *', ",,,", '"a", "b"', "*garbage", '"' + "a".repeat(4000) + '"'),
  headerValue,
);

/** A request to any admin route with a hostile method, id, query, body, encoding and If-Match. */
export function hostileAdminRequest(): fc.Arbitrary<HostileRequest> {
  return path.chain((target) =>
    fc.record({
      method: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("GET", "POST", "POST", "PUT", "PUT", "DELETE") }, fc.constantFrom("PATCH", "HEAD", "OPTIONS")),
      path: fc.constant(target),
      headers: fc
        .tuple(ifMatch, fc.array(fc.tuple(headerName, headerValue), { maxLength: 2 }))
        .map(([tag, others]) => [...others.filter(([name]) => name.toLowerCase() !== "authorization"), ...(tag === null ? [] : [["If-Match", tag] as [string, string]])]),
      contentType: fc.oneof({ weight: 8, arbitrary: fc.constant(target.startsWith("/api/admin/import/") ? "text/csv" : "application/json") }, contentType),
      encoding: fc.oneof({ weight: 8, arbitrary: fc.constant({ compress: "none" as const, header: null }) }, encoding),
      body: bodyFor(target),
      signature: fc.constant("none" as const),
    }),
  );
}
