import type { Clock } from "../../lib/clock.js";
import { AppError, badRequest } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { OnePerStore } from "../../lib/one-at-a-time.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import { postMany, type Posting } from "../ledger/posting.js";
import { emptyStats, freshMemberState, type Member } from "../members/member.js";
import type { InstallService } from "../stores/install.service.js";
import { readBalanceFile, type BalanceFile } from "./balance-file.reader.js";
import { cell, checkRow, isRejected, readHeader, repeatedRows, type ImportColumns, type ImportRow, type RejectedRow } from "./balance-rows.rules.js";
import { aTurn, plan, ROWS_PER_CHUNK, type Planned } from "./import-plan.js";

type ImportTx = Pick<StoreTransaction, "members" | "ledger" | "audit" | "webhooks">;

/** What an import did, or with `dryRun` would do; `rejected` lists every row refused, and any refusal means nothing was applied. */
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  fileSha256: string;
  rows: number;
  columns: { read: string[]; ignored: string[] };
  /** Members the import creates, members whose starting balance it changes, and members it leaves as they are. */
  created: number;
  changed: number;
  unchanged: number;
  pointsAdded: number;
  pointsRemoved: number;
  rejected: RejectedRow[];
}

const importSource = (memberId: string) => ({ type: "import" as const, id: memberId });

/**
 * Starting balances from a CSV file (ours, or another loyalty app's `email,points`). Each member's imported balance is
 * the sum of their `import` entries; a file posts only the difference to what it says, so the same file again posts
 * nothing and a corrected file posts the correction. All rows are checked against the store before any is written,
 * in the one store transaction that writes them: a single refused row leaves the store as it was.
 */
export class BalanceImportService {
  readonly #running = new OnePerStore("An import for this store is still running; send the file again once it has finished.");

  constructor(private readonly deps: { storage: UnitOfWork<"members" | "ledger" | "audit" | "webhooks">; installs: Pick<InstallService, "requireActive">; clock: Clock }) {}

  run(storeId: number, bytes: Buffer, options: { dryRun: boolean; actor: string }): Promise<ImportReport> {
    return this.#running.run(storeId, async () => {
      await this.deps.installs.requireActive(storeId);
      const file = await readBalanceFile(bytes);
      const columns = readHeader(file.header);
      const checked = await checkRows(file, columns);
      const rows = checked.filter((row): row is ImportRow => !isRejected(row));
      const ownRejections = [...checked.filter(isRejected), ...repeatedRows(rows)];
      const reported = { dryRun: options.dryRun, fileSha256: file.sha256, rows: file.rows.length, columns: { read: readColumns(file, columns.ignored), ignored: columns.ignored } };
      const work = async (tx: ImportTx) => {
        await refuseOwnExport(tx, storeId, file, columns);
        const { planned, rejected } = await plan(tx, storeId, rows);
        const report = { ...reported, ...tally(planned), rejected: [...ownRejections, ...rejected].sort((a, b) => a.line - b.line) };
        if (options.dryRun) return { ...report, applied: false };
        if (report.rejected.length > 0) {
          const refused = { ...report, applied: false };
          throw new AppError("import_rejected", `${report.rejected.length} of ${report.rows} rows were refused; nothing was imported`, refused);
        }
        await this.apply(tx, storeId, planned, file.sha256, options.actor);
        // The same file again changes nothing, not even the audit log.
        if (report.created + report.changed === 0) return { ...report, applied: true };
        await tx.audit.append(storeId, {
          id: newId("aud"),
          storeId,
          actor: options.actor,
          action: "members.imported",
          subject: `import:${file.sha256.slice(0, 16)}`,
          details: {
            fileSha256: file.sha256,
            rows: report.rows,
            created: report.created,
            changed: report.changed,
            pointsAdded: report.pointsAdded,
            pointsRemoved: report.pointsRemoved,
          },
          createdAt: this.deps.clock.now().toISOString(),
        });
        return { ...report, applied: true };
      };
      return options.dryRun ? this.deps.storage.read(storeId, work) : this.deps.storage.transaction(storeId, work);
    });
  }

  /** New members inserted and entries posted a chunk of rows at a time: a few statements per chunk, not several per row. */
  private async apply(tx: ImportTx, storeId: number, planned: Planned[], fileSha256: string, actor: string): Promise<void> {
    const now = this.deps.clock.now();
    for (let at = 0; at < planned.length; at += ROWS_PER_CHUNK) {
      const created: Member[] = [];
      const postings: Posting[] = [];
      for (const { row, member: known, difference, importEntries } of planned.slice(at, at + ROWS_PER_CHUNK)) {
        const member = known ?? importedMember(storeId, row, now);
        if (!known) created.push(member);
        else if (row.customerId !== null && known.customerId === null) await tx.members.update(storeId, { ...known, customerId: row.customerId, updatedAt: now.toISOString() });
        if (difference === 0) continue;
        postings.push({
          memberId: member.id,
          delta: difference,
          kind: "adjust",
          source: importSource(member.id),
          idempotencyKey: `import:${member.id}:${importEntries + 1}`,
          actor,
          note: `Starting balance imported: ${row.points} points`,
          basis: { visibleToShopper: true, startingBalance: row.points, fileSha256 },
        });
      }
      await tx.members.insertMany(storeId, created);
      await postMany(tx, storeId, postings, now);
      await aTurn();
    }
  }
}

/** A member the file names and the store does not have yet (not drawn into a holdout: they were a customer before). */
const importedMember = (storeId: number, row: ImportRow, now: Date): Member => ({
  id: newId("mem"),
  storeId,
  email: row.email,
  customerId: row.customerId,
  balance: 0,
  stats: emptyStats(),
  ...freshMemberState(),
  lang: row.language,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
});

/** Every row's own checks, with a turn of the event loop between chunks of rows so other stores' requests go on. */
async function checkRows(file: BalanceFile, columns: ImportColumns): Promise<(ImportRow | RejectedRow)[]> {
  const checked: (ImportRow | RejectedRow)[] = [];
  for (let at = 0; at < file.rows.length; at += ROWS_PER_CHUNK) {
    for (const { fields, line } of file.rows.slice(at, at + ROWS_PER_CHUNK)) checked.push(checkRow(fields, columns, file.header.length, line));
    await aTurn();
  }
  return checked;
}

const readColumns = (file: BalanceFile, ignored: string[]) => file.header.filter((name) => !ignored.includes(name));

/** A file whose member_id names a member of this store is its own export: those balances are already theirs, and importing them would add them again. */
async function refuseOwnExport(tx: ImportTx, storeId: number, file: BalanceFile, columns: ImportColumns): Promise<void> {
  if (columns.memberId === null) return;
  const ids = [...new Set(file.rows.map(({ fields }) => cell(fields, columns.memberId)).filter((id) => id !== ""))];
  for (let at = 0; at < ids.length; at += ROWS_PER_CHUNK) {
    const [member] = await tx.members.findAny(storeId, { ids: ids.slice(at, at + ROWS_PER_CHUNK), emails: [], customerIds: [] });
    if (member)
      throw badRequest(
        `This file is this store's own export (member_id ${member.id} is a member here): importing it would add their balances again. Export members is for moving members to another store.`,
      );
  }
}

function tally(planned: Planned[]): Pick<ImportReport, "created" | "changed" | "unchanged" | "pointsAdded" | "pointsRemoved"> {
  const count = { created: 0, changed: 0, unchanged: 0, pointsAdded: 0, pointsRemoved: 0 };
  for (const { member, difference } of planned) {
    if (!member) count.created++;
    else if (difference === 0) count.unchanged++;
    else count.changed++;
    if (difference > 0) count.pointsAdded += difference;
    else count.pointsRemoved -= difference;
  }
  return count;
}
