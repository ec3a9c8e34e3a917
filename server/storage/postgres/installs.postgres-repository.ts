import type pg from "pg";
import type { Install, InstallRepository } from "../../modules/stores/install.js";
import type { OpenGuard } from "./open-guard.js";
import { checkStoreId, first, iso, isoOrNull, run, type Queryable } from "./sql-values.js";

interface InstallRow {
  store_id: number;
  status: Install["status"];
  access_token_sealed: string | null;
  public_token: string | null;
  scopes: string[];
  owner_email: string | null;
  store_name: string;
  currency: string;
  currency_precision: number;
  lang: string;
  time_zone: string;
  store_url: string | null;
  installed_at: Date;
  updated_at: Date;
  uninstalled_at: Date | null;
  purge_after: Date | null;
}

const COLUMNS =
  "store_id, status, access_token_sealed, public_token, scopes, owner_email, store_name, currency, currency_precision, lang, time_zone, store_url, installed_at, updated_at, uninstalled_at, purge_after";

const toInstall = (row: InstallRow): Install => ({
  storeId: row.store_id,
  status: row.status,
  accessTokenSealed: row.access_token_sealed,
  publicToken: row.public_token,
  scopes: row.scopes,
  ownerEmail: row.owner_email,
  storeName: row.store_name,
  currency: row.currency,
  currencyPrecision: row.currency_precision,
  lang: row.lang,
  timeZone: row.time_zone,
  storeUrl: row.store_url,
  installedAt: iso(row.installed_at),
  updatedAt: iso(row.updated_at),
  uninstalledAt: isoOrNull(row.uninstalled_at),
  purgeAfter: isoOrNull(row.purge_after),
});

/** Inserts or replaces the store's install record. */
export async function saveInstallRow(db: Queryable, install: Install): Promise<void> {
  await run(
    db,
    `INSERT INTO installs (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (store_id) DO UPDATE SET status = EXCLUDED.status, access_token_sealed = EXCLUDED.access_token_sealed,
       public_token = EXCLUDED.public_token, scopes = EXCLUDED.scopes, owner_email = EXCLUDED.owner_email, store_name = EXCLUDED.store_name,
       currency = EXCLUDED.currency, currency_precision = EXCLUDED.currency_precision, lang = EXCLUDED.lang, time_zone = EXCLUDED.time_zone, store_url = EXCLUDED.store_url,
       installed_at = EXCLUDED.installed_at,
       updated_at = EXCLUDED.updated_at, uninstalled_at = EXCLUDED.uninstalled_at, purge_after = EXCLUDED.purge_after`,
    [
      install.storeId,
      install.status,
      install.accessTokenSealed,
      install.publicToken,
      install.scopes,
      install.ownerEmail,
      install.storeName,
      install.currency,
      install.currencyPrecision,
      install.lang,
      install.timeZone,
      install.storeUrl,
      install.installedAt,
      install.updatedAt,
      install.uninstalledAt,
      install.purgeAfter,
    ],
  );
}

/** Installs, outside store transactions: each call is its own statement. */
export function createInstallRepository(pool: pg.Pool, guard: OpenGuard): InstallRepository {
  return {
    async get(storeId) {
      guard.assertOpen();
      const row = await first<InstallRow>(pool, `SELECT ${COLUMNS} FROM installs WHERE store_id = $1`, [storeId]);
      return row ? toInstall(row) : null;
    },
    async save(storeId, install) {
      guard.assertOpen();
      checkStoreId(storeId);
      if (install.storeId !== storeId) throw new Error(`an install of store ${install.storeId} cannot be saved as store ${storeId}`);
      await saveInstallRow(pool, install);
    },
    async listDueForPurge(now) {
      guard.assertOpen();
      const rows = await run<InstallRow>(
        pool,
        `SELECT ${COLUMNS} FROM installs WHERE status = 'uninstalled' AND purge_after IS NOT NULL AND purge_after <= $1 ORDER BY purge_after, store_id`,
        [now.toISOString()],
      );
      return rows.map(toInstall);
    },
    async remove(storeId) {
      guard.assertOpen();
      await run(pool, "DELETE FROM installs WHERE store_id = $1", [storeId]);
    },
  };
}
