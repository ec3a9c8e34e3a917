/**
 * What the storefront widget costs a shop: the bytes of widget.js (on every page), widget-panel.js (only
 * once opened) and their stylesheets, against the 15 KB gzipped budget; then, in headless Chromium on the
 * demo storefront, the time from Ecwid's OnAPILoaded to the launcher in the page and painted, with an empty
 * cache and a warm one (the program is cached for a minute), at full speed and with the CPU slowed 4x.
 * Run: npx tsx bench/widget.ts [page loads per case=15]
 */
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { buildWidget, widgetStyles } from "../scripts/build-widget.mjs";
import { launchBrowser } from "../test/support/browser.js";
import { startDemoApp } from "../test/support/demo-app.js";
import { fmt, percentile } from "./measure.js";

const LOADS = Number(process.argv[2] ?? 15);
const BUDGET_GZIP_BYTES = 15 * 1024;

const gzip = (data: string | Buffer) => gzipSync(data, { level: 9 }).byteLength;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(5)} KB`;
const sizeLine = (label: string, raw: number, zipped: number) => `  ${label.padEnd(22)} ${kb(raw)} raw  ${kb(zipped)} gzip`;

interface Timing {
  inDom: number;
  painted: number;
}

/** Marks the first animation frame after the loader's `questline:launcher` mark. */
const PAINT_PROBE = `
  new PerformanceObserver((list) => {
    if (list.getEntriesByName("questline:launcher").length) requestAnimationFrame(() => performance.mark("questline:painted"));
  }).observe({ type: "mark" });
`;

async function timing(page: Page): Promise<Timing> {
  await page.waitForFunction(() => performance.getEntriesByName("questline:painted").length > 0);
  // Plain expressions only: tsx would wrap a named helper in __name(), which the page does not have.
  const [apiLoaded, inDom, painted] = await page.evaluate(() =>
    ["ecwid:OnAPILoaded", "questline:launcher", "questline:painted"].map((name) => performance.getEntriesByName(name)[0]!.startTime),
  );
  return { inDom: inDom! - apiLoaded!, painted: painted! - apiLoaded! };
}

async function measure(browser: Browser, url: string, cpuSlowdown: number): Promise<{ cold: Timing[]; warm: Timing[]; requestsBeforeOpen: string[] }> {
  const cold: Timing[] = [];
  const warm: Timing[] = [];
  let requestsBeforeOpen: string[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(PAINT_PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(url);
    cold.push(await timing(page));
    await page.waitForLoadState("networkidle");
    requestsBeforeOpen = requests.filter((path) => !path.startsWith("/demo/") && path !== "/admin/icon.svg");
    await page.reload();
    warm.push(await timing(page));
    await context.close();
  }
  return { cold, warm, requestsBeforeOpen };
}

function line(label: string, timings: Timing[]): string {
  const ms = (pick: (t: Timing) => number) => timings.map(pick).sort((a, b) => a - b);
  const inDom = ms((t) => t.inDom);
  const painted = ms((t) => t.painted);
  return `  ${label.padEnd(22)} in the page p50 ${fmt(percentile(inDom, 50), 1)} ms  p95 ${fmt(percentile(inDom, 95), 1)} ms   painted p50 ${fmt(percentile(painted, 50), 1)} ms  p95 ${fmt(percentile(painted, 95), 1)} ms`;
}

async function main() {
  const built = await buildWidget();
  const loader = await readFile(built.loader.path);
  const panel = await readFile(built.panel.path);
  const styles = await widgetStyles();
  const total = gzip(loader) + gzip(panel);

  const app = await startDemoApp();
  const browser = await launchBrowser();
  try {
    const program = await (await fetch(`${app.baseUrl}/api/storefront/1003/program?lang=en`)).text();
    const url = `${app.baseUrl}/demo/store`;
    const full = await measure(browser, url, 1);
    const slow = await measure(browser, url, 4);

    console.log(`bench/widget: the storefront widget, ${LOADS} page loads per case, Chromium headless, app on localhost`);
    console.log(sizeLine("widget.js (every page)", loader.byteLength, gzip(loader)));
    console.log(sizeLine("widget-panel.js (open)", panel.byteLength, gzip(panel)));
    console.log(sizeLine("  of which CSS", styles.launcher.length + styles.panel.length, gzip(styles.launcher) + gzip(styles.panel)));
    console.log(`    (launcher CSS ${styles.launcher.length} B in widget.js, panel CSS ${styles.panel.length} B in widget-panel.js)`);
    console.log(sizeLine("program response", Buffer.byteLength(program), gzip(program)));
    console.log(`  total scripts gzipped  ${kb(total)} of a ${kb(BUDGET_GZIP_BYTES)} budget: ${total <= BUDGET_GZIP_BYTES ? "within" : "OVER"}`);
    console.log(`  before the shopper opens it: ${full.requestsBeforeOpen.join(", ")}`);
    console.log("  OnAPILoaded → launcher");
    console.log(line("empty cache", full.cold));
    console.log(line("warm cache", full.warm));
    console.log(line("empty cache, CPU 4x", slow.cold));
    console.log(line("warm cache, CPU 4x", slow.warm));
    if (total > BUDGET_GZIP_BYTES) process.exitCode = 1;
  } finally {
    await browser.close();
    await app.close();
  }
}

void main();
