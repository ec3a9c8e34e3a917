import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { insertMember } from "../contract/contract-harness.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";
import { aStoreId } from "../support/storage-fixtures.js";

const skipReason = await postgresSkipReason("postgres connection loss");
if (skipReason) console.log(skipReason);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Ends the server process behind the connection that is in the middle of a transaction, as a restart or failover would, and waits until it is gone. */
async function terminateOpenTransaction(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'",
    );
    expect(rows).toHaveLength(1);
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [rows[0]!.pid])).rowCount === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error("the terminated backend did not go away");
  } finally {
    await admin.end();
  }
}

describe.skipIf(skipReason !== null)("postgres connection loss", () => {
  it("when the connection of a transaction in progress dies, then that unit of work fails, the process does not crash, and the next one works", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => void uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    cleanups.push(async () => void process.off("uncaughtException", onUncaught));
    const database = await createTestDatabase("connloss");
    cleanups.push(() => database.drop());
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
    const storeId = aStoreId();
    const member = await insertMember(storage, storeId);

    const interrupted = storage.transaction(storeId, async (tx) => {
      await tx.members.get(storeId, member.id);
      await terminateOpenTransaction(database.url);
      return tx.members.get(storeId, member.id);
    });

    await expect(interrupted).rejects.toThrow();
    expect(uncaught).toEqual([]);
    expect(await storage.transaction(storeId, (tx) => tx.members.get(storeId, member.id))).toEqual(member);
  });
});
