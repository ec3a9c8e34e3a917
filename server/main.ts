import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createContainer } from "./container.js";
import { createDemoMode } from "./demo/demo-mode.js";
import { createInboxWorker } from "./jobs/create-inbox-worker.js";
import { startScheduledJobs } from "./jobs/scheduled-jobs.js";

/** Process entry: config, container, listen, background work, graceful shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const container = await createContainer(config);
  const demo = config.demo ? await createDemoMode(container) : null;
  const app = createApp(container, { before: demo?.routers ?? [] });
  const server = app.listen(config.port);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  container.logger.info({ url: config.baseUrl, storage: container.storage.kind, demo: config.demo }, "Questline is listening");
  await demo?.afterListen();
  const jobs = startScheduledJobs(container);
  const worker = createInboxWorker(container);
  worker.start();

  const shutdown = async (signal: string) => {
    container.logger.info({ signal }, "shutting down");
    await worker.stop();
    await jobs.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await container.storage.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

void main();
