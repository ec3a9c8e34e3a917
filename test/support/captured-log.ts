import { Writable } from "node:stream";
import { pino, type Logger } from "pino";

/** A pino logger whose lines are kept, parsed, for a test to read. */
export function capturedLog(level = "info"): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, sink), lines: () => [...lines] };
}
