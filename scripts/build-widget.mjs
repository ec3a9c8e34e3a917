/**
 * Builds the storefront widget into public/: widget.js (the loader Ecwid appends to every storefront page)
 * and widget-panel.js (loaded on first open). Minified IIFEs (esbuild, then terser, which finds a few percent
 * more) for ES2020 browsers: Chrome 80, Firefox 78, Safari 13.1, so optional chaining and `??` ship as written;
 * each imported .css file becomes its minified text. Both count against the widget's 15 KB gzipped budget
 * (bench/widget.ts). Run: `npm run build` (also before `npm start` and `npm test`).
 */
import { createHash } from "node:crypto";
import { access, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "server", "widget");
const TARGET = "es2020";
/** The same browsers, for the stylesheets. */
const CSS_TARGET = ["chrome80", "firefox78", "safari13.1"];
/** Class fields as plain assignments in the constructor: no helper in the bundle, the same behaviour here. */
const TSCONFIG = { compilerOptions: { useDefineForClassFields: false } };

/** esbuild and terser are dependencies; an install without them keeps the widget built at deploy time. */
const esbuild = await import("esbuild").catch(() => null);
const terser = await import("terser").catch(() => null);

async function minifyCss(file) {
  const { code } = await esbuild.transform(await readFile(file, "utf8"), { loader: "css", minify: true, target: CSS_TARGET });
  return code.trim();
}

/** The widget's stylesheets as they ship (minified, inside the two scripts), for the bench to weigh. */
export async function widgetStyles() {
  const panel = (await minifyCss(path.join(source, "panel.css"))) + (await minifyCss(path.join(source, "panel-forms.css")));
  return { launcher: await minifyCss(path.join(source, "launcher.css")), panel };
}

/** `import css from "./x.css"` → the stylesheet, minified, as a string. */
const minifiedCss = {
  name: "minified-css",
  setup(builder) {
    builder.onLoad({ filter: /\.css$/ }, async (args) => ({ contents: `export default ${JSON.stringify(await minifyCss(args.path))};`, loader: "js" }));
  },
};

const common = {
  bundle: true,
  minify: true,
  format: "iife",
  target: TARGET,
  tsconfigRaw: TSCONFIG,
  legalComments: "none",
  charset: "utf8",
  plugins: [minifiedCss],
  write: false,
  logLevel: "warning",
};

async function bundle(entry, outfile, define = {}) {
  const result = await esbuild.build({ ...common, entryPoints: [path.join(source, entry)], outfile: path.join(root, "public", outfile), define });
  const { path: file, text } = result.outputFiles[0];
  const { code } = await terser.minify(text, { ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  return { path: file, contents: Buffer.from(code) };
}

/** Replaces a file in one step (a running app may be serving it) and leaves an unchanged one alone. */
async function publish(file) {
  const current = await readFile(file.path).catch(() => null);
  if (current && Buffer.compare(current, file.contents) === 0) return;
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await rename(temporary, file.path);
}

export async function buildWidget() {
  if (!esbuild || !terser) throw new Error("build-widget: esbuild or terser is not installed (npm install)");
  const panel = await bundle("panel.ts", "widget-panel.js");
  const version = createHash("sha256").update(panel.contents).digest("hex").slice(0, 10);
  const loader = await bundle("loader.ts", "widget.js", { PANEL_VERSION: JSON.stringify(version) });
  await publish(panel);
  await publish(loader);
  return { loader: { path: loader.path, bytes: loader.contents.byteLength }, panel: { path: panel.path, bytes: panel.contents.byteLength, version } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!esbuild || !terser) {
    const built = await access(path.join(root, "public", "widget.js")).then(
      () => true,
      () => false,
    );
    process.stderr.write(
      built
        ? "build-widget: esbuild or terser is not installed; keeping the widget already in public/\n"
        : "build-widget: esbuild or terser is not installed and public/widget.js is missing: run `npm install` and `npm run build`\n",
    );
    process.exit(built ? 0 : 1);
  }
  const { loader, panel } = await buildWidget();
  process.stdout.write(`build-widget: public/widget.js ${loader.bytes} B, public/widget-panel.js ${panel.bytes} B (v ${panel.version})\n`);
}
