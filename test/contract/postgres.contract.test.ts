import { afterAll, beforeAll, describe } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { describeStorageContract } from "./storage-contract.js";

const skipReason = await postgresSkipReason("postgres storage contract");
if (skipReason) console.log(skipReason);

describe.skipIf(skipReason !== null)("postgres", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("contract");
  });
  afterAll(async () => {
    await database?.drop();
  });

  describeStorageContract(
    "postgres",
    async () => {
      const opened: Storage[] = [];
      const open = async () => {
        const storage = await createPostgresStorage({ databaseUrl: database.url });
        opened.push(storage);
        return storage;
      };
      return {
        storage: await open(),
        reopen: open,
        cleanup: async () => {
          for (const storage of opened) await storage.close();
          await database.truncate();
        },
      };
    },
    { survivesRestart: true },
  );
});
