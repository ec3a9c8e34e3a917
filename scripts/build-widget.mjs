/**
 * Builds the storefront widget into public/: widget.js (the loader Ecwid appends to every storefront page)
 * and widget-panel.js (loaded on first open). Minified IIFEs for ES2019 browsers; each imported .css file
 * becomes its minified text. Run: `npm run build` (also before `npm start` and `npm test`).
 */
import { createHash } from "node:crypto";
import { access, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "server", "widget");
const TARGET = "es2019";
/** The browsers ES2019 means, for the stylesheets. */
const CSS_TARGET = ["chrome80", "firefox78", "safari13"];

/** esbuild is a dev dependency: a production install without it keeps the widget built at deploy time. */
const esbuild = await import("esbuild").catch(() => null);

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

const common = { bundle: true, minify: true, format: "iife", target: TARGET, legalComments: "none", charset: "utf8", plugins: [minifiedCss], write: false, logLevel: "warning" };

async function bundle(entry, outfile, define = {}) {
  const result = await esbuild.build({ ...common, entryPoints: [path.join(source, entry)], outfile: path.join(root, "public", outfile), define });
  return result.outputFiles[0];
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
  if (!esbuild) throw new Error("build-widget: esbuild is not installed (it is a dev dependency)");
  const panel = await bundle("panel.ts", "widget-panel.js");
  const version = createHash("sha256").update(panel.contents).digest("hex").slice(0, 10);
  const loader = await bundle("loader.ts", "widget.js", { PANEL_VERSION: JSON.stringify(version) });
  await publish(panel);
  await publish(loader);
  return { loader: { path: loader.path, bytes: loader.contents.byteLength }, panel: { path: panel.path, bytes: panel.contents.byteLength, version } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!esbuild) {
    const built = await access(path.join(root, "public", "widget.js")).then(
      () => true,
      () => false,
    );
    process.stderr.write(
      built
        ? "build-widget: esbuild is not installed; keeping the widget already in public/\n"
        : "build-widget: esbuild is not installed and public/widget.js is missing: run `npm install` (with dev dependencies) and `npm run build`\n",
    );
    process.exit(built ? 0 : 1);
  }
  const { loader, panel } = await buildWidget();
  process.stdout.write(`build-widget: public/widget.js ${loader.bytes} B, public/widget-panel.js ${panel.bytes} B (v ${panel.version})\n`);
}
