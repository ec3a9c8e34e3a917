import fc from "fast-check";
import type { EncodingSpec } from "./hostile-request.js";
import { headerChar } from "./hostile-values.arbitraries.js";

/** Hostile methods, headers, content types and content encodings. */

export const headerName = fc.oneof(
  fc.constantFrom(
    "Accept",
    "Accept-Encoding",
    "Accept-Language",
    "Authorization",
    "Cookie",
    "Origin",
    "X-Forwarded-For",
    "X-Request-Id",
    "Idempotency-Key",
    "Range",
    "If-None-Match",
    "If-Modified-Since",
    "Access-Control-Request-Method",
    "Access-Control-Request-Headers",
    "Host",
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/),
);
export const headerValue = fc.oneof(
  fc.constantFrom(
    "Bearer ",
    "Bearer x.y.z",
    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
    "Basic Og==",
    "ql_oauth_nonce=%E0%A4%A; ql_oauth_nonce=x",
    "text/html",
    "application/json;q=0, */*;q=0",
    "gzip;q=2, br;q=-1, *",
    "bytes=0-0,-1,5-2",
    "bytes=99999999999999999999-",
    "999.999.999.999, ::ffff:1.2.3.4, unknown",
    "null",
    "*",
    "\u00ed\u00a0\u0080",
  ),
  fc.array(headerChar, { maxLength: 60 }).map((chars) => chars.join("")),
);

export const contentType = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=zz",
    "*/*",
    "application/json;;;",
    "application/json; charset",
  ),
  fc
    .constantFrom("utf-8", "UTF-8", "utf8", "utf-16le", "utf-16", "latin1", "iso-8859-1", "klingon", '"utf-8"', "", "utf-\u00ff")
    .map((charset) => `application/json; charset=${charset}`),
  fc.array(headerChar, { maxLength: 30 }).map((chars) => chars.join("")),
);

export const encoding: fc.Arbitrary<EncodingSpec> = fc.record({
  compress: fc.constantFrom("none", "none", "gzip", "deflate", "br"),
  header: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    fc.constantFrom("gzip", "deflate", "br", "zstd", "identity", "br2", "gzip, deflate", "GZIP", "x-gzip", ""),
    fc.array(headerChar, { maxLength: 12 }).map((chars) => chars.join("")),
  ),
});

export const method = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("GET", "POST") },
  fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "QUERY", "BREW", "get"),
);
