import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../../server/app.js";
import { loadConfig } from "../../server/config.js";
import { createContainer, type Container } from "../../server/container.js";
import { createDemoClock } from "../../server/demo/demo-clock.js";
import { createDemoMode } from "../../server/demo/demo-mode.js";
import type { EcwidEmulator } from "../../server/ecwid-emulator/index.js";

export interface RunningDemoApp {
  baseUrl: string;
  container: Container;
  emulator: EcwidEmulator;
  /** Runs demo mode's start-up (install, program, booking the shop's orders) again over the same data, as a restart does. */
  startAgain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real app in demo mode, in this process, on a free port, with its data in a fresh temporary
 * directory. The port is taken first because the config's base URL (and so the emulator's URLs)
 * must name it.
 */
export async function startDemoApp(options: { logLevel?: string } = {}): Promise<RunningDemoApp> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const dataDir = await mkdtemp(path.join(tmpdir(), "questline-demo-"));
  // Undone in reverse: the server stops taking requests before storage closes and the data goes.
  const cleanups: (() => Promise<void>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  const stopServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const close = async () => {
    for (const cleanup of [stopServer, ...cleanups.splice(0).reverse()]) await cleanup();
  };

  try {
    const config = loadConfig({ NODE_ENV: "test", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: options.logLevel ?? "silent" });
    const clock = createDemoClock();
    const container = await createContainer(config, { clock });
    cleanups.push(() => container.storage.close());
    const demo = await createDemoMode(container, clock);
    server.on("request", createApp(container, { before: demo.routers }));
    await demo.afterListen();
    return { baseUrl: config.baseUrl, container, emulator: demo.emulator, startAgain: () => demo.afterListen(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
