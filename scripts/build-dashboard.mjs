/**
 * Builds the merchant dashboard (server/dashboard, Preact with TSX) into public/dashboard.js: one minified
 * IIFE for ES2019 browsers. Run: `npm run build` (also before `npm start` and `npm test`).
 */
import { access, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUTFILE = path.join(root, "public", "dashboard.js");

/** esbuild is a dependency, but a production install without it keeps the dashboard built at deploy time. */
const esbuild = await import("esbuild").catch(() => null);

export async function buildDashboard() {
  if (!esbuild) throw new Error("build-dashboard: esbuild is not installed");
  const result = await esbuild.build({
    entryPoints: [path.join(root, "server", "dashboard", "main.tsx")],
    outfile: OUTFILE,
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2019",
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "warning",
  });
  const file = result.outputFiles[0];
  const current = await readFile(file.path).catch(() => null);
  if (!current || Buffer.compare(current, file.contents) !== 0) {
    // Replaced in one step: a running app may be serving it.
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  return { path: file.path, bytes: file.contents.byteLength, contents: file.contents };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!esbuild) {
    const built = await access(OUTFILE).then(
      () => true,
      () => false,
    );
    process.stderr.write(
      built ? "build-dashboard: esbuild is not installed; keeping public/dashboard.js\n" : "build-dashboard: esbuild is not installed and public/dashboard.js is missing\n",
    );
    process.exit(built ? 0 : 1);
  }
  const { bytes } = await buildDashboard();
  process.stdout.write(`build-dashboard: public/dashboard.js ${bytes} B\n`);
}
