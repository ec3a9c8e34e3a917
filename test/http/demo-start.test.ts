import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../support/app-process.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("npm start in demo mode", () => {
  it("when the app starts without Ecwid credentials, then the last two lines it prints before anything else happens are the two demo addresses", async () => {
    const port = String(await freePort());
    dataDir = await mkdtemp(path.join(tmpdir(), "questline-demo-start-"));
    // What `npm start` runs (the compiled bundle of this entry), with the development log a newcomer sees.
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development", PORT: port, DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const announced = new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (output.includes("/demo/store")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`the app exited with ${code} before printing the addresses:\n${output}`)));
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

    await announced;
    child.kill("SIGTERM");
    await exited;

    const lines = stripVTControlCharacters(output).split("\n");
    const started = lines
      .slice(
        0,
        lines.findIndex((line) => line.includes("shutting down")),
      )
      .filter((line) => line.trim() !== "");
    expect(started.slice(-2)).toEqual([
      expect.stringMatching(new RegExp(`INFO \\(\\d+\\): Demo control panel, the merchant's side: http://localhost:${port}/demo/admin$`)),
      expect.stringMatching(new RegExp(`INFO \\(\\d+\\): Demo storefront, the shopper's side: http://localhost:${port}/demo/store$`)),
    ]);
    // The emulator's request lines moved to debug: the start is a screenful, not ~30 lines per Ecwid call.
    expect(output).not.toContain("/demo/ecwid/");
    expect(started.length).toBeLessThan(40);
  }, 60_000);
});
