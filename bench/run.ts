/** `npm run bench`: every benchmark in turn, each in its own process so none warms another. */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here).filter((name) => name.endsWith(".ts") && !["run.ts", "measure.ts"].includes(name));
for (const bench of benches) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(here, bench)], { stdio: "inherit" });
  if (result.status !== 0) process.exitCode = 1;
}
