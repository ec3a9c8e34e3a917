import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createContainer } from "../../server/container.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { manualClock } from "../../server/lib/clock.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { GROUP_WALK_EVENT } from "../../server/modules/tiers/group-link-walk.service.js";
import { GROUP_MOVE_EVENT } from "../../server/modules/tiers/group-move-queue.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { groupShop } from "../support/tier-group-shop.js";

const LEASE_MS = 60_000;
const clock = manualClock("2026-05-01T10:00:00Z");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const skipReason = await postgresSkipReason("group moves restart (PostgreSQL)");
if (skipReason) console.log(skipReason);

/** Opens the same data again, as a new process would. */
async function lowdb(): Promise<() => Promise<Storage>> {
  const dataDir = await mkdtemp(join(tmpdir(), "questline-groups-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return () => createLowdbStorage({ dataDir });
}

async function postgres(): Promise<() => Promise<Storage>> {
  const database = await createTestDatabase("groups");
  cleanups.push(() => database.drop());
  return () => createPostgresStorage({ databaseUrl: database.url });
}

async function scenario(open: () => Promise<Storage>) {
  const first: TestApp = await startTestApp({ clock, storage: await open() });
  cleanups.push(() => first.close());
  const shop = await groupShop(first);
  const emails = ["ana@example.com", "bo@example.com", "cy@example.com"];
  const customers = [];
  for (const email of emails) customers.push(await shop.member(email));
  await shop.link({});
  for (const email of emails) await shop.hold(email, "tr_gold");
  await first.worker.drain();

  await shop.link({ tr_gold: shop.groups.gold });
  const inbox = first.container.storage.inbox;
  const walk = await inbox.claimNext(clock.now(), LEASE_MS);
  expect(walk?.eventType).toBe(GROUP_WALK_EVENT);
  await first.container.groupLinkWalk.processPage(walk!);
  await inbox.complete(shop.storeId, walk!.eventId, clock.now());
  const move = await inbox.claimNext(clock.now(), LEASE_MS);
  expect(move?.eventType).toBe(GROUP_MOVE_EVENT);
  await first.container.groupMoves.processMove(move!);
  expect(shop.groupPuts()).toHaveLength(1);
  await first.worker.stop();
  await first.container.storage.close();

  // A new process on the same data, after the dead one's lease lapsed.
  clock.advance(LEASE_MS + 1);
  const next = await createContainer(first.container.config, { clock, storage: await open() });
  cleanups.push(() => next.storage.close());
  expect(await next.storage.inbox.counts(shop.storeId)).toMatchObject({ pending: 3 });
  await createInboxWorker(next).drain();

  expect(customers.map((id) => shop.ecwidGroupOf(id))).toEqual(emails.map(() => shop.groups.gold));
  for (const email of emails) expect((await next.storage.read(shop.storeId, (tx) => tx.members.findByEmail(shop.storeId, email)))?.tier?.group?.state).toBe("synced");
  expect(shop.groupPuts()).toHaveLength(3);
  expect(await next.storage.inbox.counts(shop.storeId)).toMatchObject({ pending: 0, failed: 0 });
}

describe("group moves survive a restart", () => {
  const when = "when the process dies after one move landed and before it was marked done, then the restarted one moves everyone else, and the landed move again harmlessly";
  it(`${when} (lowdb)`, async () => {
    await scenario(await lowdb());
  });
  it.skipIf(skipReason !== null)(`${when} (PostgreSQL)`, async () => {
    await scenario(await postgres());
  });
});
