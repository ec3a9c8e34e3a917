import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Most suites wait on sockets, PostgreSQL and Chromium rather than the CPU: vitest's default (cores - 1) would run
    // one file at a time on the 2-core CI machine, about 34 minutes; three files at a time take under 10.
    maxWorkers: 3,
  },
});
