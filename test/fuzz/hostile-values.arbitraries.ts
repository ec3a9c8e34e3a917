import fc from "fast-check";

/**
 * Hostile characters, strings and JSON values. Everything stays within what node:http lets a client put
 * on the wire: paths of bytes 0x21-0xFF, header values of tab and bytes 0x20-0xFF except DEL.
 */

const latin1 = (min: number, max: number) => fc.integer({ min, max }).map((code) => String.fromCharCode(code));
export const headerChar = fc.oneof({ weight: 6, arbitrary: latin1(0x20, 0x7e) }, latin1(0x80, 0xff), fc.constant("\t"));
export const percentByte = fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`);
// Node's parser refuses raw bytes above 0x7E in a path (400 before the app), so invalid UTF-8 mostly travels percent-encoded.
export const pathChar = fc.oneof({ weight: 12, arbitrary: latin1(0x21, 0x7e) }, { weight: 3, arbitrary: percentByte }, latin1(0x80, 0xff));

const hostileStrings = [
  "",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "\u0000",
  "a\u0000@example.com",
  "\ud800",
  "\udfff\ud800",
  "%ED%A0%80",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "${7*7}",
  "{{7*7}}",
  "x".repeat(5000),
  "ana@example.com\r\nBcc: eve@example.com",
  "@",
  "a@",
  "@b.c",
  "123456",
  "000000",
  "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwiYXVkIjoicXVlc3RsaW5lLXNob3BwZXIifQ.",
];
export const hostileString = fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
const hostileNumber = fc.constantFrom(0, -1, 1.5, 2 ** 53 + 1, 1e308, -0, Number.MAX_SAFE_INTEGER);
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileString, { maxLength: 4 }),
);
export const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "email", "code", "lang", "payload", "storeId", "accessToken", "points", "reason", "valueOf"),
  fc.string({ maxLength: 12 }),
);
