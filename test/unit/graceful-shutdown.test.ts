import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createShutdown, type ShutdownTasks } from "../../server/lib/graceful-shutdown.js";

const DEADLINE_MS = 10_000;

function shutdownWith(sequence: (tasks: ShutdownTasks) => Promise<void>) {
  const lines: { level: number; msg: string; unfinished?: string[] }[] = [];
  const exits: number[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const shutdown = createShutdown({ logger, sequence, deadlineMs: DEADLINE_MS, exit: (code) => void exits.push(code) });
  return { shutdown, lines, exits };
}

const never = () => new Promise<void>(() => {});

describe("graceful shutdown", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("when every task finishes, then the process exits 0 once, and the deadline no longer fires", async () => {
    const { shutdown, exits } = shutdownWith(async (tasks) => {
      await tasks.run("storage", async () => {});
    });

    shutdown("SIGTERM");
    await vi.advanceTimersByTimeAsync(DEADLINE_MS * 2);

    expect(exits).toEqual([0]);
  });

  it("when a task never finishes, then at the deadline the process exits 1 and the log names that task", async () => {
    const { shutdown, exits, lines } = shutdownWith(async (tasks) => {
      await Promise.all([tasks.run("requests in flight", async () => {}), tasks.run("storage", never)]);
    });

    shutdown("SIGTERM");
    await vi.advanceTimersByTimeAsync(DEADLINE_MS - 1);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(exits).toEqual([1]);
    expect(lines.find((line) => line.level === 50)).toMatchObject({ unfinished: ["storage"] });
  });

  it("when a task fails, then the process exits 1 at once with the error logged", async () => {
    const { shutdown, exits, lines } = shutdownWith(async (tasks) => {
      await tasks.run("storage", async () => {
        throw new Error("pool end failed");
      });
    });

    shutdown("SIGINT");
    await vi.advanceTimersByTimeAsync(0);

    expect(exits).toEqual([1]);
    expect(lines.find((line) => line.level === 50)).toMatchObject({ msg: "shutdown failed", unfinished: [] });
  });

  it("when a second signal arrives during the shutdown, then the sequence still runs only once", async () => {
    const sequence = vi.fn(async (tasks: ShutdownTasks) => {
      await tasks.run("storage", async () => {});
    });
    const { shutdown, exits } = shutdownWith(sequence);

    shutdown("SIGTERM");
    shutdown("SIGINT");
    await vi.advanceTimersByTimeAsync(0);

    expect(sequence).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([0]);
  });
});
