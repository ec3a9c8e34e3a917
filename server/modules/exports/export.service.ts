import type { Clock } from "../../lib/clock.js";
import { OnePerStore } from "../../lib/one-at-a-time.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { InstallService } from "../stores/install.service.js";
import { LEDGER_COLUMNS, ledgerRow, type LedgerRow } from "./ledger-csv.js";
import { MEMBER_COLUMNS, memberRow, type MemberRow } from "./members-csv.js";

export interface ExportDeps {
  storage: UnitOfWork<"members" | "ledger">;
  settings: Pick<SettingsService, "get">;
  installs: Pick<InstallService, "requireActive">;
  clock: Clock;
}

/** A file to write: its header and its rows, read from storage one page at a time as they are asked for. */
export interface ExportFile<Row> {
  columns: readonly string[];
  rows: AsyncIterable<Row>;
}

/**
 * The store's members and ledger as CSV rows. Rows are read a page at a time only when the writer asks for the next
 * one, so a slow download holds one page in memory and a client that stops reading stops the reads.
 */
export class ExportService {
  readonly #running = new OnePerStore("An export for this store is still running; ask again once it has finished.");

  constructor(
    private readonly deps: ExportDeps,
    private readonly options: { pageSize: number } = { pageSize: 500 },
  ) {}

  /** Runs one export of the store at a time (429 for a second while one runs): each holds a storage read per page for its whole download. */
  exclusive<T>(storeId: number, work: () => Promise<T>): Promise<T> {
    return this.#running.run(storeId, work);
  }

  /** Members in creation order. Throws before any row when the store is not installed. */
  async members(storeId: number): Promise<ExportFile<MemberRow>> {
    const install = await this.deps.installs.requireActive(storeId);
    const { tiers } = await this.deps.settings.get(storeId);
    const context = { tiers, currency: install.currency, currencyPrecision: install.currencyPrecision, now: this.deps.clock.now() };
    const { storage } = this.deps;
    const limit = this.options.pageSize;
    async function* rows(): AsyncGenerator<MemberRow> {
      for (let offset = 0; ; offset += limit) {
        const page = await storage.read(storeId, (tx) => tx.members.list(storeId, { limit, offset }));
        for (const member of page.items) yield memberRow(member, context);
        if (page.items.length < limit) return;
      }
    }
    return { columns: MEMBER_COLUMNS, rows: rows() };
  }

  /** Ledger entries in append order, each with its member's email. Throws before any row when the store is not installed. */
  async ledger(storeId: number): Promise<ExportFile<LedgerRow>> {
    await this.deps.installs.requireActive(storeId);
    const { storage } = this.deps;
    const limit = this.options.pageSize;
    async function* rows(): AsyncGenerator<LedgerRow> {
      for (let after: number | null = 0; after !== null;) {
        const position = after;
        const { page, emails } = await storage.read(storeId, async (tx) => {
          const page = await tx.ledger.pageInAppendOrder(storeId, position, limit);
          const memberIds = [...new Set(page.items.map((entry) => entry.memberId))];
          const members = await Promise.all(memberIds.map((id) => tx.members.get(storeId, id)));
          return { page, emails: new Map(members.map((member, i) => [memberIds[i], member?.email ?? null])) };
        });
        for (const entry of page.items) yield ledgerRow(entry, emails.get(entry.memberId) ?? null);
        after = page.next;
      }
    }
    return { columns: LEDGER_COLUMNS, rows: rows() };
  }
}
