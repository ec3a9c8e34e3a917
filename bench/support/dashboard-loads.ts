import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Metafile } from "esbuild";
import { buildDashboard } from "../../scripts/build-dashboard.mjs";

/** Any page's first load must fit: the admin iframe opens on a cold cache inside Ecwid's own heavy page. */
export const DASHBOARD_BUDGET_GZIP_BYTES = 60 * 1024;

/** What a merchant's browser fetches to show one dashboard page: the shell, the page's chunk and what both import. */
export interface PageLoad {
  page: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** Each file gzipped on its own, as the server sends it. */
const gzipped = (contents: Uint8Array) => gzipSync(contents, { level: 9 }).byteLength;

function staticClosure(metafile: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(start);
  return seen;
}

/** Builds the dashboard and measures the first load of every page (the shell alone counts as "shell"). */
export async function dashboardPageLoads(): Promise<PageLoad[]> {
  const { files, metafile } = await buildDashboard();
  const root = process.cwd();
  const sizes = new Map(files.map((file) => [path.relative(root, file.path), { raw: file.contents.byteLength, gzip: gzipped(file.contents) }]));
  const shell = "public/dashboard/main.js";
  const shellFiles = staticClosure(metafile, shell);
  const pages = (metafile.outputs[shell]?.imports ?? []).filter((imported) => imported.kind === "dynamic-import").map((imported) => imported.path);
  const measure = (page: string, parts: Set<string>): PageLoad => {
    const list = [...parts];
    return {
      page,
      files: list,
      rawBytes: list.reduce((sum, file) => sum + (sizes.get(file)?.raw ?? 0), 0),
      gzipBytes: list.reduce((sum, file) => sum + (sizes.get(file)?.gzip ?? 0), 0),
    };
  };
  return [
    measure("shell", shellFiles),
    ...pages.map((page) => measure(path.basename(page).replace(/-[A-Z0-9]+\.js$/, ""), new Set([...shellFiles, ...staticClosure(metafile, page)]))),
  ];
}
