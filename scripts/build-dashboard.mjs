/**
 * Builds the merchant dashboard (server/dashboard, Preact with TSX) into public/dashboard/: main.js, the shell
 * the admin page loads as an ES module, and one chunk per page (chunks/, names hashed so a cached page never
 * pairs with a newer shell), for ES2019 browsers. Run: `npm run build` (also before `npm start` and `npm test`).
 */
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUTDIR = path.join(root, "public", "dashboard");
const ENTRY = path.join(OUTDIR, "main.js");

/** esbuild is a dependency, but a production install without it keeps the dashboard built at deploy time. */
const esbuild = await import("esbuild").catch(() => null);

/** Writes a file only when it changed, replaced in one step: a running app may be serving it. */
async function replace(file) {
  const current = await readFile(file.path).catch(() => null);
  if (current && Buffer.compare(current, file.contents) === 0) return;
  await mkdir(path.dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await rename(temporary, file.path);
}

/** Chunks of earlier builds: their names carry a hash, so they would pile up. */
async function removeStaleChunks(kept) {
  const folder = path.join(OUTDIR, "chunks");
  const names = await readdir(folder).catch(() => []);
  await Promise.all(names.filter((name) => !kept.has(path.join(folder, name))).map((name) => rm(path.join(folder, name), { force: true })));
}

/** Returns every file written and esbuild's metafile, which says what each file imports. */
export async function buildDashboard() {
  if (!esbuild) throw new Error("build-dashboard: esbuild is not installed");
  const result = await esbuild.build({
    entryPoints: { main: path.join(root, "server", "dashboard", "main.tsx") },
    outdir: OUTDIR,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    minify: true,
    format: "esm",
    target: "es2019",
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    charset: "utf8",
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  for (const file of result.outputFiles) await replace(file);
  await removeStaleChunks(new Set(result.outputFiles.map((file) => file.path)));
  return { files: result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })), metafile: result.metafile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!esbuild) {
    const built = await access(ENTRY).then(
      () => true,
      () => false,
    );
    process.stderr.write(
      built ? "build-dashboard: esbuild is not installed; keeping public/dashboard/\n" : "build-dashboard: esbuild is not installed and public/dashboard/main.js is missing\n",
    );
    process.exit(built ? 0 : 1);
  }
  const { files } = await buildDashboard();
  const bytes = files.reduce((sum, file) => sum + file.contents.byteLength, 0);
  process.stdout.write(`build-dashboard: public/dashboard/ ${files.length} files, ${bytes} B\n`);
}
