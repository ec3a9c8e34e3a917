import { z } from "zod";
import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { parseInput } from "../../lib/validation.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { InboxEvent, InboxRepository } from "../inbox/inbox-event.js";
import { queueJobPage } from "../inbox/job-page.js";
import { defaultProgramSettings } from "../settings/program-settings.js";
import type { InstallService } from "../stores/install.service.js";
import { BACKFILL_EVENT, BACKFILL_PAGE_SIZE, type BackfillJob } from "./backfill-job.js";
import { orderFacts } from "./order-facts.js";
import type { OrderReconciler } from "./order-reconciler.service.js";

const MAX_RANGE_DAYS = 3 * 366;
export const backfillRangeSchema = z.strictObject({ from: z.iso.date(), to: z.iso.date() }).superRefine((range, context) => {
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (days < 0) context.addIssue({ code: "custom", path: ["to"], message: "must not be before from", params: { code: "too_small" } });
  else if (days > MAX_RANGE_DAYS) context.addIssue({ code: "custom", path: ["to"], message: "the range may span at most three years", params: { code: "too_big" } });
});

const pageEventId = (job: BackfillJob, offset: number) => `${job.id}:${offset}`;

/**
 * Imports past orders of a date range through the same reconciliation as webhooks. Each page is an inbox
 * event: the next page is queued before the current one completes, so a restart resumes where it stopped
 * and a page run twice changes nothing.
 */
export class BackfillService {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"backfills" | "settings">;
      inbox: InboxRepository;
      ecwid: EcwidClient;
      installs: InstallService;
      reconciler: OrderReconciler;
      clock: Clock;
    },
  ) {}

  async start(storeId: number, input: unknown, actor: string): Promise<BackfillJob> {
    const { from, to } = parseInput(backfillRangeSchema, input);
    await this.deps.installs.requireActive(storeId);
    const { storage, clock } = this.deps;
    const at = clock.now().toISOString();
    const job: BackfillJob = { id: newId("bf"), storeId, from, to, status: "running", total: null, processed: 0, credited: 0, error: null, startedAt: at, updatedAt: at, actor };
    const running = (await storage.read(storeId, (tx) => tx.backfills.list(storeId, 20))).find((existing) => existing.status === "running");
    if (running && (await this.isAlive(running))) throw conflict("An import is already running for this store");
    await storage.transaction(storeId, async (tx) => {
      // Under the store's lock: an import another request started since the check above wins.
      const runningNow = (await tx.backfills.list(storeId, 20)).find((existing) => existing.status === "running");
      if (runningNow && runningNow.id !== running?.id) throw conflict("An import is already running for this store");
      if (running) await tx.backfills.save(storeId, { ...running, status: "failed", error: "stopped before it finished", updatedAt: at });
      await tx.backfills.save(storeId, job);
    });
    await this.queuePage(job, 0);
    return job;
  }

  async get(storeId: number, jobId: string): Promise<BackfillJob> {
    const job = await this.deps.storage.read(storeId, (tx) => tx.backfills.get(storeId, jobId));
    if (!job) throw notFound(`Import ${jobId} was not found`);
    return job;
  }

  list(storeId: number): Promise<BackfillJob[]> {
    return this.deps.storage.read(storeId, (tx) => tx.backfills.list(storeId, 20));
  }

  /** The inbox handler for one page. */
  async processPage(event: InboxEvent): Promise<void> {
    const { storage, ecwid, installs, reconciler, clock } = this.deps;
    const storeId = event.storeId;
    const jobId = String(event.data?.jobId ?? "");
    const offset = Number(event.data?.offset ?? 0);
    const job = await storage.read(storeId, (tx) => tx.backfills.get(storeId, jobId));
    if (job?.status !== "running") return;

    const install = await installs.requireActive(storeId);
    const settings = (await storage.read(storeId, (tx) => tx.settings.get(storeId))) ?? defaultProgramSettings(install.currencyPrecision);
    const statuses = new Set([...settings.earning.countedStatuses, "PARTIALLY_REFUNDED", "REFUNDED"]);
    const page = await ecwid.searchOrders(storeId, await installs.accessToken(storeId), {
      createdFrom: `${job.from} 00:00:00 +0000`,
      createdTo: `${job.to} 23:59:59 +0000`,
      paymentStatus: [...statuses].join(","),
      offset,
      limit: BACKFILL_PAGE_SIZE,
    });
    let credited = 0;
    for (const order of page.items) {
      const outcome = await reconciler.apply(storeId, order.id, orderFacts(order, install.currencyPrecision, clock.now()), install);
      if (outcome === "corrected") credited++;
    }
    const nextOffset = offset + page.items.length;
    const finished = page.items.length === 0 || nextOffset >= page.total;
    if (!finished) await this.queuePage(job, nextOffset);
    await storage.transaction(storeId, async (tx) => {
      const current = await tx.backfills.get(storeId, jobId);
      if (!current || current.processed > offset) return;
      await tx.backfills.save(storeId, {
        ...current,
        total: page.total,
        processed: nextOffset,
        credited: current.credited + credited,
        status: finished ? "done" : "running",
        updatedAt: clock.now().toISOString(),
      });
    });
  }

  /**
   * A running import is alive while its next page waits in the inbox or is being worked on. A page dropped
   * (the store was uninstalled meanwhile) or failed for good leaves it stopped: a new import may start.
   */
  private async isAlive(job: BackfillJob): Promise<boolean> {
    const page = await this.deps.inbox.get(job.storeId, pageEventId(job, job.processed));
    return page?.status === "pending";
  }

  private async queuePage(job: BackfillJob, offset: number): Promise<void> {
    const page = { eventId: pageEventId(job, offset), storeId: job.storeId, eventType: BACKFILL_EVENT, entityId: job.id, data: { jobId: job.id, offset } };
    await queueJobPage(this.deps.inbox, page, this.deps.clock.now());
  }
}
