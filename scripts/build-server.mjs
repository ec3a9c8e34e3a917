/**
 * Compiles the server into dist/main.js for `npm start` and dist/verify.js for `npm run verify`: one ES
 * module each, npm packages left as imports.
 * Production code must never reach test/: the build fails if its import graph does.
 * Run: `npm run build` (also before `npm start`).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const result = await esbuild.build({
  entryPoints: ["main", "verify"].map((name) => path.join(root, "server", `${name}.ts`)),
  outdir: path.join(root, "dist"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});

const fromTests = Object.keys(result.metafile.inputs).filter((input) => input.startsWith("test/"));
if (fromTests.length > 0) {
  process.stderr.write(`build-server: production code imports test files:\n  ${fromTests.join("\n  ")}\n`);
  process.exit(1);
}
const built = Object.entries(result.metafile.outputs).filter(([output]) => output.endsWith(".js"));
process.stdout.write(`build-server: ${built.map(([output, { bytes }]) => `${output} ${bytes} B`).join(", ")} from ${Object.keys(result.metafile.inputs).length} files\n`);
