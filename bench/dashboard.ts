/**
 * `npx tsx bench/dashboard.ts`: the merchant dashboard's bundle (public/dashboard.js, Preact included) raw and
 * gzipped, against its 60 KB gzipped budget; exits 1 over it. The stylesheets are Ecwid App UI's and ours,
 * loaded by the page, and not counted.
 */
import { gzipSync } from "node:zlib";
import { buildDashboard } from "../scripts/build-dashboard.mjs";

const BUDGET_GZIP_BYTES = 60 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { contents } = await buildDashboard();
const zipped = gzipSync(contents, { level: 9 }).byteLength;
console.log(
  `bench/dashboard: public/dashboard.js ${kb(contents.byteLength)} raw, ${kb(zipped)} gzip, of a ${kb(BUDGET_GZIP_BYTES)} budget: ${zipped <= BUDGET_GZIP_BYTES ? "within" : "OVER"}`,
);
if (zipped > BUDGET_GZIP_BYTES) process.exitCode = 1;
