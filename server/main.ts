import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createContainer } from "./container.js";
import { createDemoClock } from "./demo/demo-clock.js";
import { createDemoMode } from "./demo/demo-mode.js";
import { trackRequests } from "./http/request-drain.js";
import { createInboxWorker } from "./jobs/create-inbox-worker.js";
import { startRedemptionJobs } from "./jobs/redemption-jobs.js";
import { startReferralClickFlush } from "./jobs/referral-clicks.job.js";
import { startReferralJobs, startScheduledJobs } from "./jobs/scheduled-jobs.js";
import { startWebhookDeliveries } from "./jobs/webhook-jobs.js";
import { createShutdown } from "./lib/graceful-shutdown.js";

/** A shutdown never takes longer than this (platforms such as Heroku kill at 30 s, Kubernetes by default at 30 s). */
const SHUTDOWN_DEADLINE_MS = 10_000;
/** Requests and events in hand get this long before they are cut or handed back, leaving time to close storage. */
const GRACE_MS = 6_000;

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

  const demoClock = config.demo ? createDemoClock() : null;
  const container = await createContainer(config, demoClock ? { clock: demoClock } : {});
  const demo = demoClock ? await createDemoMode(container, demoClock) : null;
  const app = createApp(container, { before: demo?.routers ?? [] });
  const server = app.listen(config.port);
  const requests = trackRequests(server);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  container.logger.info({ url: config.baseUrl, storage: container.storage.kind, demo: config.demo }, "Questline is listening");
  await demo?.afterListen();
  const jobs = startScheduledJobs(container);
  const redemptionJobs = startRedemptionJobs(container);
  const referralJobs = startReferralJobs(container);
  const referralClicks = startReferralClickFlush(container);
  const webhookDeliveries = startWebhookDeliveries(container);
  const worker = createInboxWorker(container, { requestsInFlight: requests.inFlight });
  worker.start();

  const shutdown = createShutdown({
    logger: container.logger,
    deadlineMs: SHUTDOWN_DEADLINE_MS,
    exit(code) {
      // the development log goes through a worker thread, which an immediate exit would cut off mid-line
      container.logger.flush(() => process.exit(code));
      setTimeout(() => process.exit(code), 1_000);
    },
    async sequence(tasks) {
      const [{ cut }] = await Promise.all([
        tasks.run("requests in flight", () => requests.close(GRACE_MS)),
        tasks.run("inbox events in hand", () => worker.stop(GRACE_MS)),
        tasks.run("scheduled jobs", () => jobs.stop()),
        tasks.run("redemption jobs", () => redemptionJobs.stop()),
        tasks.run("referral jobs", () => referralJobs.stop()),
        tasks.run("outgoing webhooks", () => webhookDeliveries.stop()),
      ]);
      if (cut > 0) container.logger.warn({ cut }, "requests still open after the grace period were cut; their senders retry");
      // after the events and jobs that start them, before the storage they read
      await tasks.run("emails being sent", () => container.emails.idle());
      // after the last landing visit, before the storage the counts go to
      await tasks.run("referral clicks", () => referralClicks.stop());
      // after every request and event, so pending lowdb writes land and the PostgreSQL pool ends
      await tasks.run("storage", () => container.storage.close());
    },
  });
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  if (demo) {
    await jobs.idle();
    demo.announce();
  }
}

void main();
