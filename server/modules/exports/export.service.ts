import type { Clock } from "../../lib/clock.js";
import type { KeysetPage } from "../../lib/keyset-page.js";
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
    const rows = walk(async (after) => {
      const page = await this.deps.storage.read(storeId, (tx) => tx.members.pageInCreationOrder(storeId, after, this.options.pageSize));
      return { items: page.items.map((member) => memberRow(member, context)), next: page.next };
    });
    return { columns: MEMBER_COLUMNS, rows };
  }

  /** Ledger entries in append order, each with its member's email. Throws before any row when the store is not installed. */
  async ledger(storeId: number): Promise<ExportFile<LedgerRow>> {
    await this.deps.installs.requireActive(storeId);
    const rows = walk((after) =>
      this.deps.storage.read(storeId, async (tx) => {
        const page = await tx.ledger.pageInAppendOrder(storeId, after, this.options.pageSize);
        const memberIds = [...new Set(page.items.map((entry) => entry.memberId))];
        const members = await Promise.all(memberIds.map((id) => tx.members.get(storeId, id)));
        const emails = new Map(members.map((member, i) => [memberIds[i], member?.email ?? null]));
        return { items: page.items.map((entry) => ledgerRow(entry, emails.get(entry.memberId) ?? null)), next: page.next };
      }),
    );
    return { columns: LEDGER_COLUMNS, rows };
  }
}

/** Every item of a keyset walk, reading the next page only once the last one's items were taken. */
async function* walk<T>(readPage: (after: number) => Promise<KeysetPage<T>>): AsyncGenerator<T> {
  for (let after: number | null = 0; after !== null;) {
    const page: KeysetPage<T> = await readPage(after);
    yield* page.items;
    after = page.next;
  }
}
