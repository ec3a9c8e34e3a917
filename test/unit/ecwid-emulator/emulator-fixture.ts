import axios, { type AxiosInstance } from "axios";
import { afterEach } from "vitest";
import { createEcwidEmulator, type EcwidEmulator, type EcwidEmulatorOptions } from "../../../server/ecwid-emulator/index.js";

export const CLIENT_ID = "questline-test";
export const CLIENT_SECRET = "test-client-secret-0123456789";

export interface RunningFixture {
  emulator: EcwidEmulator;
  url: string;
  /** Never throws on a status; tests assert it. */
  http: AxiosInstance;
}

const running: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

/** A fresh emulator over real HTTP on a free port, closed after the test. */
export async function startEmulator(options: Partial<EcwidEmulatorOptions> = {}): Promise<RunningFixture> {
  const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options });
  const { url, close } = await emulator.listen(0);
  running.push(close);
  const http = axios.create({ baseURL: url, validateStatus: () => true, maxRedirects: 0 });
  return { emulator, url, http };
}

export const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
