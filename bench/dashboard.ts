/**
 * `npx tsx bench/dashboard.ts`: what the merchant dashboard costs to open, page by page: the shell
 * (public/dashboard/main.js, Preact included) plus the chunks a page needs, raw and gzipped file by file as the
 * server sends them, against a 60 KB gzipped budget for any page's first load; exits 1 over it. The stylesheets
 * are Ecwid App UI's and ours, loaded by the page, and not counted.
 */
import { dashboardPageLoads, DASHBOARD_BUDGET_GZIP_BYTES } from "./support/dashboard-loads.js";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(5)} KB`;

const loads = await dashboardPageLoads();
for (const load of loads) console.log(`bench/dashboard: ${load.page.padEnd(16)} ${kb(load.rawBytes)} raw ${kb(load.gzipBytes)} gzip in ${load.files.length} files`);
const heaviest = loads.reduce((top, load) => (load.gzipBytes > top.gzipBytes ? load : top));
const within = heaviest.gzipBytes <= DASHBOARD_BUDGET_GZIP_BYTES;
console.log(`bench/dashboard: heaviest first load (${heaviest.page}) ${kb(heaviest.gzipBytes)} gzip of a ${kb(DASHBOARD_BUDGET_GZIP_BYTES)} budget: ${within ? "within" : "OVER"}`);
if (!within) process.exitCode = 1;
