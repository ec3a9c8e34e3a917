import type { Clock } from "../../lib/clock.js";
import { OnePerStore } from "../../lib/one-at-a-time.js";
import { notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { InboxRepository } from "../inbox/inbox-event.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { InboxEvent } from "../inbox/inbox-event.js";
import { queueJobPage } from "../inbox/job-page.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { InstallService } from "../stores/install.service.js";
import { measuredChallenges, payDueChallenges } from "./challenge-awards.js";
import { challengeHistory, loadReferralHistory } from "./challenge-history.js";
import { challengesToMeasure } from "./program-change.rules.js";
import { previewProgramChange, type PreviewRequest, type ProgramPreview } from "./program-preview.js";
import { MEASUREMENT_EVENT, MEASUREMENT_PAGE_SIZE, type ProgramMeasurement } from "./program-measurement.js";

/** Starting and running a measurement, and the preview before it. */
type Measured = "measurements" | "settings" | "members" | "orders" | "ledger" | "redemptions" | "referrals" | "webhooks";

const pageEventId = (measurementId: string, offset: number) => `${measurementId}:${offset}`;

/**
 * Measures every member's history against the challenges a program change added or re-aimed, and pays what
 * is due. Each page of members is an inbox event: leased to one worker at a time (one process, even when
 * several share PostgreSQL), taken again after a crash; a page run twice pays nothing twice (the reward key
 * per challenge and member) and counts nothing twice (a page counts only while it is the next one).
 */
export class ProgramMeasurementService {
  /** Stores with a preview running in this process. */
  private readonly previewing = new OnePerStore("A preview for this store is still being measured; ask again once it has answered.");

  constructor(private readonly deps: { storage: UnitOfWork<Measured>; inbox: InboxRepository; installs: InstallService; clock: Clock; pageSize?: number }) {}

  /**
   * Called once a program change is saved. Returns the measurement started (or joined), or null when the change
   * needs none: no challenge to measure, or no member yet (one who joins after the save is paid by reconciliation).
   */
  async measureProgramChange(storeId: number, before: ProgramSettings, after: ProgramSettings, actor: string): Promise<ProgramMeasurement | null> {
    const challengeIds = challengesToMeasure(before, after);
    if (challengeIds.length === 0) return null;
    const at = this.deps.clock.now().toISOString();
    const measurement: ProgramMeasurement = {
      id: newId("pm"),
      storeId,
      challengeIds,
      status: "running",
      total: null,
      measured: 0,
      paidMembers: 0,
      paidPoints: 0,
      startedAt: at,
      updatedAt: at,
      actor,
    };
    const started = await this.deps.storage.transaction(storeId, async (tx) => {
      if ((await tx.members.list(storeId, { limit: 1, offset: 0 })).total === 0) return null;
      // A measurement that has not measured anyone yet takes this change too: saves in a row start one pass over
      // every member, not one each (the same pages, the same reward keys, so nothing is paid twice).
      const waiting = (await tx.measurements.list(storeId, 20)).find((existing) => existing.status === "running" && existing.measured === 0);
      const saved = waiting ? { ...waiting, challengeIds: [...new Set([...waiting.challengeIds, ...challengeIds])], updatedAt: at } : measurement;
      await tx.measurements.save(storeId, saved);
      return saved;
    });
    if (!started) return null;
    await this.queuePage(started, 0);
    return started;
  }

  /**
   * What saving a challenge or badge would pay now, by the rules this job pays by. A preview reads every member's
   * orders, so a store gets one at a time: previews sent in parallel would hold the connections every store shares.
   */
  async preview(storeId: number, proposal: PreviewRequest): Promise<ProgramPreview> {
    return this.previewing.run(storeId, async () => {
      const install = await this.deps.installs.requireActive(storeId);
      const settings = await this.deps.storage.read(storeId, async (tx) => readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision));
      const context = { tiers: settings.tiers, timeZone: install.timeZone, now: this.deps.clock.now() };
      return previewProgramChange(this.deps.storage, storeId, proposal, context);
    });
  }

  list(storeId: number): Promise<ProgramMeasurement[]> {
    return this.deps.storage.read(storeId, (tx) => tx.measurements.list(storeId, 20));
  }

  async get(storeId: number, measurementId: string): Promise<ProgramMeasurement> {
    const measurement = await this.deps.storage.read(storeId, (tx) => tx.measurements.get(storeId, measurementId));
    if (!measurement) throw notFound(`Measurement ${measurementId} was not found`);
    return measurement;
  }

  /** The inbox handler for one page of members. */
  async processPage(event: InboxEvent): Promise<void> {
    const { storage, installs, clock } = this.deps;
    const storeId = event.storeId;
    const measurementId = String(event.data?.measurementId ?? "");
    const offset = Number(event.data?.offset ?? 0);
    const install = await installs.requireActive(storeId);
    const next = await storage.transaction(storeId, async (tx) => {
      const measurement = await tx.measurements.get(storeId, measurementId);
      if (measurement?.status !== "running") return null;
      // This page already counted (its event was taken again after the next one was due): only make sure the next is queued.
      if (measurement.measured > offset) return { measurement, offset: measurement.measured };
      const settings = readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision);
      const challenges = measuredChallenges(settings.challenges).filter((challenge) => measurement.challengeIds.includes(challenge.id));
      const page = await tx.members.list(storeId, { limit: this.deps.pageSize ?? MEASUREMENT_PAGE_SIZE, offset });
      let paidMembers = 0;
      let paidPoints = 0;
      for (const member of page.items) {
        const referrals = await loadReferralHistory((id) => tx.referrals.listForAmbassador(storeId, id), member, { challenges });
        const history = challengeHistory(member, await tx.orders.listForMember(storeId, member.id), [], settings.tiers, referrals, clock.now());
        const paid = await payDueChallenges(tx, storeId, member.id, history, challenges, { clock, timeZone: install.timeZone, reverse: false });
        if (paid.points > 0) paidMembers++;
        paidPoints += paid.points;
      }
      const measured = offset + page.items.length;
      const done = page.items.length === 0 || measured >= page.total;
      const updated: ProgramMeasurement = {
        ...measurement,
        status: done ? "done" : "running",
        total: page.total,
        measured,
        paidMembers: measurement.paidMembers + paidMembers,
        paidPoints: measurement.paidPoints + paidPoints,
        updatedAt: clock.now().toISOString(),
      };
      await tx.measurements.save(storeId, updated);
      return done ? null : { measurement: updated, offset: measured };
    });
    if (next) await this.queuePage(next.measurement, next.offset);
  }

  private queuePage(measurement: ProgramMeasurement, offset: number): Promise<{ created: boolean }> {
    const { storeId, id } = measurement;
    return queueJobPage(
      this.deps.inbox,
      { eventId: pageEventId(id, offset), storeId, eventType: MEASUREMENT_EVENT, entityId: id, data: { measurementId: id, offset } },
      this.deps.clock.now(),
    );
  }
}
