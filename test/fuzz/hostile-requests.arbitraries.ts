import fc from "fast-check";
import type { BodySpec, EncodingSpec, FuzzTargets, HostileRequest } from "./hostile-request.js";
import { contentType, encoding, headerName, headerValue, method } from "./hostile-transport.arbitraries.js";
import { hostileKey, hostileString, hostileValue, pathChar, percentByte } from "./hostile-values.arbitraries.js";

/** Hostile requests to every public route (and to unknown paths), as recipes for `toRawRequest`. */

const PUBLIC_ROUTES = [
  "/webhooks/ecwid",
  "/oauth/start",
  "/oauth/callback",
  "/admin",
  "/api/admin/session",
  "/api/storefront/{store}/program",
  "/api/storefront/{store}/session/start",
  "/api/storefront/{store}/session/verify",
  "/api/storefront/{store}/me",
  "/api/storefront/{store}",
  "/widget.js",
  "/widget-panel.js",
  "/metrics",
  "/email/unsubscribe/u1.1003.mem_x.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "/email/unsubscribe/",
  "/r/{code}",
  "/r/{code}/qr.svg",
  "/api/storefront/{store}/share-card.png",
] as const;

/** A store segment: the real store, one nobody installed, or something that is not a store id at all. */
function storeSegment(targets: FuzzTargets): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(String(targets.installedStoreId), String(targets.unknownStoreId)) },
    fc.constantFrom(
      "0",
      "-1",
      "1.5",
      "1e3",
      "0x10",
      "9007199254740993",
      "99999999999999999999999",
      "%ED%A0%80",
      "%00",
      "%",
      "%2e%2e",
      "..",
      "__proto__",
      "constructor",
      `${targets.installedStoreId}%20`,
    ),
    fc
      .array(pathChar, { minLength: 1, maxLength: 12 })
      .map((chars) => chars.join("").replace(/[/?#]/g, ""))
      .filter((segment) => segment.length > 0),
    fc.array(percentByte, { minLength: 1, maxLength: 6 }).map((bytes) => bytes.join("")),
  );
}

/** A referral code segment: the live one (in any case), an unknown one, or tricks that try to leave the shop. */
function codeSegment(targets: FuzzTargets): fc.Arbitrary<string> {
  const live = targets.referralCode ?? "MAYA-7Q2K";
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(live, live.toLowerCase(), "NOPE-2345") },
    fc.constantFrom(
      "%2F%2Fevil.example",
      "https:%2F%2Fevil.example",
      "javascript:alert(1)",
      `${live}%0d%0aLocation:%20https:%2F%2Fevil.example`,
      `${live}%2F..%2F..%2Fevil.example`,
      "%ED%A0%80",
      "%",
      "%00",
      "__proto__",
      "A".repeat(2_000),
    ),
    fc
      .array(pathChar, { minLength: 1, maxLength: 12 })
      .map((chars) => chars.join("").replace(/[/?#]/g, ""))
      .filter((segment) => segment.length > 0),
  );
}

const pathTail = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  fc.constantFrom("/", "//", "/.", "/..", "%2F", ";x=1", "%00", "/../../server/config.ts", ".map", "~", "%ED%A0%80", "/%FF"),
  fc.array(pathChar, { maxLength: 10 }).map((chars) => chars.join("")),
);

const queryKey = fc.constantFrom(
  "lang",
  "payload",
  "code",
  "state",
  "error",
  "app_state",
  "__proto__",
  "constructor[prototype][x]",
  "lang[]",
  "a",
  "ch",
  "ch[]",
  "v",
  "gclid",
  "next",
);
const queryValue = fc.oneof(
  fc.constantFrom("en", "nl", "de", "nb", "xx", "%ED%A0%80", "%", "%00", "__proto__", "a%26b%3Dc", "whatsapp", "//evil.example", "https%3A%2F%2Fevil.example"),
  fc.array(pathChar, { maxLength: 12 }).map((chars) => chars.join("").replace(/[#&]/g, "")),
);
const query = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  fc.array(fc.tuple(queryKey, queryValue), { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`),
);

/** Bodies of every shape: JSON of the wrong types, prototype keys, invalid UTF-8, NUL bytes, random bytes, deep, huge, and zeros that compress to a bomb. */
const genericBody: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.constant<BodySpec>({ kind: "none" }),
  hostileValue.map((value): BodySpec => ({ kind: "json", value })),
  fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 6 }).map((entries): BodySpec => ({ kind: "entries", entries })),
  fc
    .constantFrom(
      '{"email":"\\ud800@example.com"}',
      '{"email":"a\\u0000b@example.com","code":"12345\\u0000"}',
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
      '{"email":"ana@example.com","email":"eve@example.com"',
      "{not json",
      "null",
      "[]",
      '""',
      "\u0000\u0000\u0000",
    )
    .map((text): BodySpec => ({ kind: "text", text })),
  fc.uint8Array({ maxLength: 512 }).map((bytes): BodySpec => ({ kind: "bytes", bytes: [...bytes] })),
  fc
    .constantFrom([0xed, 0xa0, 0x80], [0xff, 0xfe], [0xc0, 0xaf], [0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])
    .map((bytes): BodySpec => ({ kind: "bytes", bytes: [...bytes] })),
  fc.record({ open: fc.constantFrom("[" as const, '{"a":' as const), levels: fc.constantFrom(33, 1_000, 20_000, 120_000) }).map((deep): BodySpec => ({ kind: "deep", ...deep })),
  fc.constantFrom(11 * 1024, 101 * 1024, 300 * 1024).map((size): BodySpec => ({ kind: "huge", size })),
  fc.constantFrom(1024 * 1024, 16 * 1024 * 1024).map((size): BodySpec => ({ kind: "zeros", size })),
);

/** Event-shaped bodies for the webhook route with hostile field values, `data` included. */
function webhookEvent(targets: FuzzTargets): fc.Arbitrary<BodySpec> {
  // Text JSON allows but a database may not: NUL, unpaired surrogates, noncharacters, line separators.
  const awkwardText = fc.constantFrom("\u0000", "X\u0000", "\ud800", "a\udfff\ud800", "\uffff", "\u2028");
  const data = fc.oneof(
    hostileValue,
    fc.record({ orderId: hostileValue }),
    fc.record({ orderId: awkwardText }),
    fc.tuple(awkwardText, hostileValue).map(([key, value]) => ({ orderId: "X1", [key]: value })),
    fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
    fc.integer({ min: 1, max: 40 }).map((levels) => JSON.parse(`${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`)),
  );
  const now = Math.floor(Date.now() / 1000);
  return fc
    .record(
      {
        // Mostly plausible fields, so hostile `data` and encodings get past the early checks and reach storage.
        eventId: fc.oneof(
          { weight: 3, arbitrary: fc.uuid() },
          hostileString,
          fc.uuid().map((id) => `${id}\u0000`),
        ),
        eventCreated: fc.oneof({ weight: 3, arbitrary: fc.constant(now) }, fc.constantFrom(now - 3600, now - 49 * 3600, now + 3600, 0, -1, 1.5, 1e300, String(now)), hostileValue),
        storeId: fc.oneof({ weight: 3, arbitrary: fc.constant(targets.installedStoreId) }, fc.constantFrom(targets.unknownStoreId, String(targets.installedStoreId)), hostileValue),
        entityId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(1, "1", String(targets.installedStoreId)) }, hostileValue),
        eventType: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom("order.created", "order.updated", "order.deleted") },
          fc.constantFrom("application.uninstalled", "application.installed", "product.updated"),
          hostileValue,
        ),
        data,
      },
      { requiredKeys: ["eventId", "eventCreated", "storeId", "entityId", "eventType"] },
    )
    .chain((value) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant<BodySpec>({ kind: "json", value }) },
        { weight: 2, arbitrary: fc.constantFrom(20_000, 33, 20_000, 100_000).map((deepData): BodySpec => ({ kind: "json", value: { ...value, data: null }, deepData })) },
      ),
    );
}

function bodyFor(path: string, targets: FuzzTargets): fc.Arbitrary<BodySpec> {
  if (path === "/webhooks/ecwid") return fc.oneof({ weight: 3, arbitrary: webhookEvent(targets) }, genericBody);
  if (path === "/api/admin/session") {
    const session = fc.oneof(
      fc.record({ payload: hostileValue }),
      fc.record(
        { storeId: fc.oneof(fc.constantFrom(targets.installedStoreId, targets.unknownStoreId), fc.nat(), hostileValue), accessToken: hostileValue, lang: hostileValue },
        { requiredKeys: ["storeId"] },
      ),
    );
    return fc.oneof(
      session.map((value): BodySpec => ({ kind: "json", value })),
      genericBody,
    );
  }
  if (path.includes("/session/")) {
    const shopper = fc.record({ email: hostileValue, code: hostileValue, lang: hostileValue }, { requiredKeys: [] });
    return fc.oneof(
      shopper.map((value): BodySpec => ({ kind: "json", value })),
      genericBody,
    );
  }
  return genericBody;
}

/** Any hostile request to a public route (or an unknown path); webhook signatures are never valid here. */
export function hostileRequest(targets: FuzzTargets): fc.Arbitrary<HostileRequest> {
  const path = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...PUBLIC_ROUTES), storeSegment(targets), codeSegment(targets), pathTail, query)
        .map(([route, store, code, tail, search]) => route.replace("{store}", store).replace("{code}", code) + tail + search),
    },
    fc.array(pathChar, { maxLength: 30 }).map((chars) => `/${chars.join("").replace(/#/g, "")}`),
  );
  return path.chain((target) =>
    fc.record({
      method: target.startsWith("/webhooks/") ? fc.oneof({ weight: 4, arbitrary: fc.constant("POST") }, method) : method,
      path: fc.constant(target),
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
      contentType,
      encoding,
      body: bodyFor(target.split("?")[0]!, targets),
      signature: fc.constantFrom("none" as const, "garbage" as const, "wrong" as const),
    }),
  );
}

/** Validly signed webhooks whose fields and `data` are hostile. */
export function signedHostileWebhook(targets: FuzzTargets): fc.Arbitrary<HostileRequest> {
  return fc.record({
    method: fc.constant("POST"),
    path: fc.constantFrom("/webhooks/ecwid", "/webhooks/ecwid?eventtype=order.created", "/webhooks/ecwid?eventType=%ED%A0%80"),
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 2 }),
    contentType: fc.constantFrom("application/json; charset=UTF-8", "application/json; charset=klingon", null),
    encoding: fc.oneof(
      { weight: 4, arbitrary: fc.constant<EncodingSpec>({ compress: "none", header: null }) },
      fc.constantFrom("gzip" as const, "deflate" as const, "br" as const).map((compress): EncodingSpec => ({ compress, header: compress })),
      encoding,
    ),
    body: fc.oneof({ weight: 4, arbitrary: webhookEvent(targets) }, genericBody),
    signature: fc.constant("valid"),
  });
}
