/** How `npm start` runs the app, read from package.json, so the bench starts it the same way and measures what production runs. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * package.json's start script: what `npm start` runs after its build. Its --max-semi-space-size=32 doubles V8's
 * young generation (16 MB semi-spaces by default): a webhook's objects live across its awaits, and with room for
 * more requests in flight fewer of them survive a scavenge to be copied (1 scavenge per ~266 webhooks instead of
 * ~172 under load, peak RSS 259 MB instead of 184).
 */
export const START_COMMAND = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;

/** The node flags of the start script. */
export function startFlags(): string[] {
  const [command, ...args] = START_COMMAND.split(/\s+/);
  if (command !== "node" || args.pop() !== "dist/main.js") throw new Error(`npm start runs "${START_COMMAND}", where the bench expects "node [flags] dist/main.js"`);
  return args;
}
