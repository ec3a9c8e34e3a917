import type { InboxEvent } from "../../modules/inbox/inbox-event.js";
import type { AppendLog } from "./append-log.js";
import { DamagedFileError } from "./lowdb-documents.js";

/** Past this much journal, the next write of the inbox is whole, which empties the journal. */
export const JOURNAL_LIMIT_BYTES = 1024 * 1024;

const STATUSES = new Set<unknown>(["pending", "done", "failed"]);

/**
 * A store's inbox changes since its inbox was last written whole (`stores/${storeId}.inbox.log`): each line is
 * one event as it now stands, numbered. A webhook taken, leased or finished costs its line. The whole inbox
 * (inbox-files.ts) records the number of the last line it holds, so a kill between writing it and emptying the
 * journal leaves lines that opening skips: an event never goes back a step.
 */
export class InboxJournal {
  #seq: number;
  #bytes: number;

  constructor(
    private readonly log: AppendLog,
    lastSeq: number,
  ) {
    this.#seq = lastSeq;
    this.#bytes = log.lines.reduce((total, line) => total + Buffer.byteLength(line) + 1, 0);
  }

  /** The number of the last line written: an inbox written whole now holds every line up to it. */
  get seq(): number {
    return this.#seq;
  }

  /** Whether the journal has grown enough that the inbox should be written whole. */
  get full(): boolean {
    return this.#bytes >= JOURNAL_LIMIT_BYTES;
  }

  /** Whether the file holds any line (the inbox must be written whole before it can go). */
  get holdsLines(): boolean {
    return this.#bytes > 0;
  }

  /** Appends each event as it now stands. */
  async append(events: readonly InboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const lines = events.map((event) => JSON.stringify({ seq: ++this.#seq, event }));
    await this.log.append(lines);
    for (const line of lines) this.#bytes += Buffer.byteLength(line) + 1;
  }

  /** After the inbox, holding every line, was written whole: the lines are no longer needed. */
  async emptied(): Promise<void> {
    if (this.#bytes === 0) return;
    await this.log.clear();
    this.#bytes = 0;
  }

  close(): Promise<void> {
    return this.log.close();
  }

  /** At shutdown, once the inbox holding every line was written whole: no journal is left behind. */
  remove(): Promise<void> {
    return this.log.remove();
  }
}

/**
 * Applies the journal's lines numbered above `held` to `rows`, in order (an event's last line is how it stands),
 * and returns the number of the journal's last line (or `held`). Lines must be numbered upwards.
 */
export function replayInboxJournal(rows: InboxEvent[], storeId: number, held: number, log: Pick<AppendLog, "path" | "lines">): number {
  let previous = 0;
  const position = new Map(rows.map((event, index) => [event.eventId, index]));
  log.lines.forEach((text, index) => {
    const line = parseLine(text, storeId);
    if (!line || line.seq <= previous) throw new DamagedFileError(log.path, `has a line that is not the next inbox event of store ${storeId} (line ${index + 1})`);
    previous = line.seq;
    if (line.seq <= held) return;
    const at = position.get(line.event.eventId);
    if (at === undefined) {
      position.set(line.event.eventId, rows.length);
      rows.push(line.event);
    } else rows[at] = line.event;
  });
  return Math.max(held, previous);
}

function parseLine(text: string, storeId: number): { seq: number; event: InboxEvent } | null {
  try {
    const line = JSON.parse(text) as { seq?: unknown; event?: Partial<InboxEvent> } | null;
    const event = line?.event;
    const valid =
      Number.isSafeInteger(line?.seq) &&
      typeof event?.eventId === "string" &&
      event.storeId === storeId &&
      STATUSES.has(event.status) &&
      typeof event.receivedAt === "string" &&
      typeof event.availableAt === "string";
    return valid ? (line as { seq: number; event: InboxEvent }) : null;
  } catch {
    return null;
  }
}
