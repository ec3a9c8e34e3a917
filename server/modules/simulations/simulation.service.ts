import { AppError } from "../../lib/errors.js";
import { turnsEvery } from "../../lib/event-loop-turns.js";
import { OnePerStore } from "../../lib/one-at-a-time.js";
import { parseInput } from "../../lib/validation.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { programSettingsSchema, type ProgramSettings } from "../settings/program-settings.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { InstallService } from "../stores/install.service.js";
import type { OrderSnapshotStore, ReadySnapshot, SnapshotOrder } from "./order-snapshot.js";
import { recordedPoints, replayOrders, type IssuedPoints } from "./order-replay.js";
import { costOf, pointValue } from "./point-value.rules.js";
import { simulationRequestSchema, type Simulation, type SimulationFigures } from "./simulation.js";

/** Work between two turns of the event loop, at most: other stores' requests wait no longer than this for a replay. */
const TURN_EVERY_MS = 10;

const figures = (issued: IssuedPoints, program: Pick<ProgramSettings, "rewards">): SimulationFigures => {
  const value = pointValue(program.rewards);
  return { ...issued, pointsPerOrder: issued.orders > 0 ? Math.floor(issued.points / issued.orders) : 0, costMinor: costOf(issued.points, value), pointValue: value };
};

/**
 * What a proposed program would have issued and cost over the store's snapshot of its last 12 months of orders,
 * beside the current program and the ledger, computed with the rules webhooks apply (order-replay.ts). A store gets
 * one at a time, and the replay gives the event loop a turn every TURN_EVERY_MS of work.
 */
export class SimulationService {
  private readonly running = new OnePerStore("A simulation for this store is still running; ask again once it has answered.");

  constructor(private readonly deps: { storage: UnitOfWork<"settings">; snapshots: OrderSnapshotStore; installs: InstallService }) {}

  async simulate(storeId: number, input: unknown): Promise<Simulation> {
    const changes = parseInput(simulationRequestSchema, input);
    const install = await this.deps.installs.requireActive(storeId);
    const current = await this.deps.storage.read(storeId, async (tx) => readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision));
    const proposed = parseInput(programSettingsSchema, { ...current, ...changes });
    return this.running.run(storeId, async () => {
      const { ready, orders } = await this.#readySnapshot(storeId);
      orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt) || a.orderId.localeCompare(b.orderId));
      const turn = turnsEvery(TURN_EVERY_MS);
      return {
        snapshot: { from: ready.from, to: ready.to, orders: ready.orders, capped: ready.capped, fetchedAt: ready.fetchedAt },
        proposed: figures(await replayOrders(orders, proposed, install.timeZone, turn), proposed),
        current: figures(await replayOrders(orders, current, install.timeZone, turn), current),
        recorded: figures(recordedPoints(orders), current),
      };
    });
  }

  /**
   * The ready snapshot and its orders. A refresh finishing between the two reads drops the generation just named
   * (its orders read as none), so then the fetch record is read again, once, for the generation that replaced it.
   */
  async #readySnapshot(storeId: number): Promise<{ ready: ReadySnapshot; orders: SnapshotOrder[] }> {
    for (let reads = 1; ; reads++) {
      const ready = (await this.deps.snapshots.fetchOf(storeId))?.ready;
      if (!ready) throw new AppError("conflict", "Fetch the store's orders of the last 12 months first (POST /api/admin/simulations/orders)");
      const orders = await this.deps.snapshots.orders(storeId, ready.generation);
      if (orders.length > 0 || ready.orders === 0) return { ready, orders };
      if (reads === 2) throw new AppError("conflict", "The store's orders were refreshed while the simulation read them; ask again.");
    }
  }
}
