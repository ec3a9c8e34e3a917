import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { emptyStoreDocument } from "../../server/storage/lowdb/lowdb-documents.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { saveInstallRow } from "../../server/storage/postgres/installs.postgres-repository.js";
import { loadMigrations, migrate } from "../../server/storage/postgres/migrate.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";
import { anInstall, aStoreId } from "../support/storage-fixtures.js";
import { anOrderRecord } from "./program.contract.js";

const skipReason = await postgresSkipReason("order items and time zone upgrade (PostgreSQL)");
if (skipReason) console.log(skipReason);

/** An order record and an install as a version before the game saved them: no items, no time zone (nor the shop's address, kept later). */
function legacy(storeId: number) {
  const { items: _items, ...order } = anOrderRecord(storeId, "mem_old", { orderId: "OLD1" });
  const { timeZone: _timeZone, storeUrl: _storeUrl, ...install } = anInstall(storeId);
  return { order, install };
}

describe("order records and installs saved before the game", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("when lowdb opens such files, then the order has no items, the store's time zone is UTC and it names no shop address", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "questline-order-items-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const storeId = aStoreId();
    const { order, install } = legacy(storeId);
    await mkdir(join(dataDir, "stores"), { recursive: true });
    await writeFile(join(dataDir, "stores", `${storeId}.json`), JSON.stringify({ ...emptyStoreDocument(storeId), orders: [order] }));
    await writeFile(join(dataDir, "installs.json"), JSON.stringify({ version: 1, installs: { [storeId]: install } }));
    const storage = await createLowdbStorage({ dataDir });
    cleanups.push(() => storage.close());
    expect(await storage.read(storeId, (tx) => tx.orders.get(storeId, "OLD1"))).toEqual({ ...order, items: [] });
    expect(await storage.installs.get(storeId)).toEqual({ ...install, timeZone: "UTC", storeUrl: null });
  });

  it.skipIf(skipReason !== null)("when PostgreSQL migrates such rows, then the order has no items, the store's time zone is UTC and it names no shop address", async () => {
    const database = await createTestDatabase("order_items");
    cleanups.push(() => database.drop());
    const pool = new pg.Pool({ connectionString: database.url });
    cleanups.push(() => pool.end());
    const migrations = await loadMigrations();
    await migrate(
      pool,
      migrations.filter((migration) => migration.version < 8),
    );
    const storeId = aStoreId();
    const { order, install } = legacy(storeId);
    await pool.query(
      "INSERT INTO order_records (store_id, order_id, internal_id, member_id, payment_status, counted, eligible_minor, placed_at, revision, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      [storeId, order.orderId, order.internalId, order.memberId, order.paymentStatus, order.counted, order.eligibleMinor, order.placedAt, order.revision, order.updatedAt],
    );
    await pool.query(
      `INSERT INTO installs (store_id, status, access_token_sealed, public_token, scopes, owner_email, store_name, currency, currency_precision, lang, installed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        storeId,
        install.status,
        install.accessTokenSealed,
        install.publicToken,
        install.scopes,
        install.ownerEmail,
        install.storeName,
        install.currency,
        install.currencyPrecision,
        install.lang,
        install.installedAt,
        install.updatedAt,
      ],
    );
    await migrate(pool, migrations);
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
    expect(await storage.read(storeId, (tx) => tx.orders.get(storeId, "OLD1"))).toEqual({ ...order, items: [] });
    expect(await storage.installs.get(storeId)).toEqual({ ...install, timeZone: "UTC", storeUrl: null });
    await saveInstallRow(pool, { ...install, timeZone: "America/New_York", storeUrl: "https://shop.example/" });
    expect(await storage.installs.get(storeId)).toMatchObject({ timeZone: "America/New_York", storeUrl: "https://shop.example/" });
  });
});
