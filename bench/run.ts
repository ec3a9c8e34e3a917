/**
 * `npm run bench`: every benchmark in turn, each in its own process so none warms another, then
 * bench/RESULTS.md with what each printed, the machine it ran on and when. Never part of `npm test`.
 */
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { START_COMMAND } from "./support/start-command.js";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The figures the README quotes come first; the slow sweeps after. */
const ORDER = ["webhooks.ts", "storefront.ts", "fairness.ts", "storage.ts", "widget.ts"];
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".ts") && !["run.ts", "measure.ts"].includes(name))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || ORDER.length + 1) - (ORDER.indexOf(b) + 1 || ORDER.length + 1));

/** Runs one benchmark, echoing what it prints, and keeps that text. */
function runBench(bench: string): Promise<{ output: string; ok: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, bench)], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer, echo: NodeJS.WriteStream) => {
      output += chunk.toString();
      echo.write(chunk);
    };
    child.stdout.on("data", (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on("data", (chunk: Buffer) => keep(chunk, process.stderr));
    child.on("close", (code) => resolve({ output, ok: code === 0 }));
  });
}

const started = new Date();
const sections: string[] = [];
for (const bench of benches) {
  const { output, ok } = await runBench(bench);
  if (!ok) process.exitCode = 1;
  sections.push(`## bench/${bench}${ok ? "" : " (failed)"}\n\n\`\`\`\n${output.trimEnd()}\n\`\`\``);
}

const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${process.platform} ${process.arch}`;
writeFileSync(
  path.join(here, "RESULTS.md"),
  `# Benchmark results

Written by \`npm run bench\` (bench/run.ts); the README quotes these figures.

- Machine: ${machine}
- Date: ${started.toISOString()}
- Command: \`npm run bench\`

Throughput figures load the app as its own process (\`${START_COMMAND}\`, as \`npm start\` runs it, built first) with 50 keep-alive
connections from autocannon, beside a bare Express app (\`express.json\` and one route answering a small
JSON) loaded the same way in the same run; "% of bare" compares requests a second. "CPU µs/req" is the
server process's CPU time (user and system, all its threads) per answered request: other processes on the
machine move requests a second, not that. The request log is on (pino at info, into a file). The emulated
Ecwid answers after 50 ms, as a remote API does. Other work on the machine during the run lowers every
figure, the baseline's too.

${sections.join("\n\n")}
`,
);
