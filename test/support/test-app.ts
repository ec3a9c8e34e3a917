import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import axios, { type AxiosInstance } from "axios";
import { createApp } from "../../server/app.js";
import { loadConfig } from "../../server/config.js";
import { createContainer, type Container } from "../../server/container.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import type { InboxWorker } from "../../server/jobs/inbox-worker.js";
import type { Clock } from "../../server/lib/clock.js";
import type { Logger } from "../../server/lib/logger.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createEcwidEmulator, type EcwidEmulator } from "../../server/ecwid-emulator/index.js";
import { startSmtpInbox } from "./smtp-inbox.js";

export const TEST_CLIENT_ID = "questline-test";
export const TEST_CLIENT_SECRET = "test-client-secret-0123456789";

export interface TestApp {
  url: string;
  ecwidUrl: string;
  emulator: EcwidEmulator;
  container: Container;
  worker: InboxWorker;
  /** The SMTP server the app mails to. */
  mail: Awaited<ReturnType<typeof startSmtpInbox>>;
  /** HTTP client on the app that never throws on a status and never follows redirects. */
  http: AxiosInstance;
  /** Creates a store in the emulator and installs Questline for it. */
  installStore(init?: Parameters<EcwidEmulator["addStore"]>[0]): Promise<{ storeId: number; accessToken: string }>;
  /** A merchant session token for the store, obtained the way the dashboard gets one. */
  adminToken(storeId: number): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  logger?: Logger;
  clock?: Clock;
  storage?: Storage;
  env?: Record<string, string>;
  rateLimitPerMinute?: number | null;
  /** How long the app waits for an Ecwid answer (the app's own default when omitted). */
  ecwidTimeoutMs?: number;
}

/** The real app over real HTTP, talking to the Ecwid emulator over real HTTP. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const emulator = createEcwidEmulator({
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    rateLimitPerMinute: options.rateLimitPerMinute ?? null,
    ...(options.clock ? { now: () => options.clock!.now() } : {}),
  });
  const ecwid = await emulator.listen(0);
  const mail = await startSmtpInbox();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), "questline-test-"));
  const config = loadConfig({
    PORT: String(port),
    BASE_URL: url,
    ECWID_CLIENT_ID: TEST_CLIENT_ID,
    ECWID_CLIENT_SECRET: TEST_CLIENT_SECRET,
    ECWID_API_URL: `${ecwid.url}/api/v3`,
    ECWID_OAUTH_URL: `${ecwid.url}/api/oauth`,
    ECWID_CP_URL: `${url}/cp`,
    SESSION_SECRET: "test-session-secret-0123456789-0123456789",
    ENCRYPTION_KEY: "test-encryption-key-0123456789-0123456789",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    SMTP_URL: mail.url,
    // Tests stand in for one proxy, telling the app each caller's address.
    TRUST_PROXY: "1",
    ...options.env,
  });
  const storage = options.storage ?? (await createLowdbStorage({ dataDir }));
  const container = await createContainer(config, {
    storage,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.ecwidTimeoutMs ? { ecwidTransport: axios.create({ timeout: options.ecwidTimeoutMs }) } : {}),
  });
  server.on("request", createApp(container));
  const worker = createInboxWorker(container, { idleMs: 10 });
  const client = axios.create({ baseURL: url, validateStatus: () => true, maxRedirects: 0 });

  return {
    url,
    ecwidUrl: ecwid.url,
    emulator,
    container,
    worker,
    mail,
    http: client,
    async installStore(init) {
      const store = emulator.addStore(init);
      await container.installs.recordToken({ storeId: store.storeId, accessToken: store.accessToken, publicToken: store.publicToken });
      return { storeId: store.storeId, accessToken: store.accessToken };
    },
    async adminToken(storeId) {
      const response = await client.post("/api/admin/session", { payload: emulator.encryptedPayload(storeId) });
      if (response.status !== 200) throw new Error(`session failed: ${response.status} ${JSON.stringify(response.data)}`);
      return response.data.token as string;
    },
    async close() {
      await worker.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ecwid.close();
      await mail.close();
      await container.storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
