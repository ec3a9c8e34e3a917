import type { ChangeSignal } from "../../lib/change-signal.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, versionConflict } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { parseInput, validationFailed } from "../../lib/validation.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { ProgramMeasurementService } from "../program/program-measurement.service.js";
import type { InstallService } from "../stores/install.service.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { GroupLinkWalkService } from "../tiers/group-link-walk.service.js";
import { newCatalogReferences, type CatalogReference } from "./catalog-references.rules.js";
import { programChanges } from "./program-diff.rules.js";
import { programSettingsSchema, type ProgramSettings } from "./program-settings.js";
import { matchesVersion, versionOf } from "./program-version.rules.js";
import { readSavedSettings } from "./saved-settings.rules.js";

export interface ProgramWrite {
  actor: string;
  /** The caller's If-Match: the write goes ahead only while it names the current version. */
  ifMatch?: string | undefined;
}

/**
 * The merchant's program settings, one document per store. Every write runs in the store's transaction:
 * the version check, the save and an audit entry naming each changed field land together, and a write
 * that changes nothing records nothing. Changes are signalled (caches drop the store's program).
 */
export class SettingsService {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"settings" | "audit">;
      installs: InstallService;
      clock: Clock;
      changes: ChangeSignal<number>;
      /** Told of every saved change, to measure members' histories against it and pay what is due. */
      measurements: Pick<ProgramMeasurementService, "measureProgramChange">;
      /** Products and categories a change newly names must be in the store's catalog. */
      catalog: Pick<CatalogService, "missing">;
      /** Told of every saved change, to move members between Ecwid customer groups when tiers' links changed. */
      groupLinks: Pick<GroupLinkWalkService, "linksChanged">;
    },
  ) {}

  async get(storeId: number): Promise<ProgramSettings> {
    const install = await this.deps.installs.requireActive(storeId);
    const saved = await this.deps.storage.read(storeId, (tx) => tx.settings.get(storeId));
    return readSavedSettings(saved, install.currencyPrecision);
  }

  /** The whole program in one document; what `get` returns, this accepts unchanged. */
  update(storeId: number, input: unknown, actor: string, ifMatch?: string): Promise<ProgramSettings> {
    const next = parseInput(programSettingsSchema, input);
    return this.edit(storeId, { actor, ifMatch }, "program", (current) => {
      if (!matchesVersion(ifMatch, versionOf(current))) throw versionConflict("The program was changed since you read it; `current` holds it as it is now.", current);
      return next;
    });
  }

  /**
   * Applies `change` to the program as it is now, inside the store's transaction, and saves what it returns
   * once the whole program is valid. `change` may refuse (a version conflict, an unknown item) by throwing.
   */
  async edit(storeId: number, write: ProgramWrite, subject: string, change: (current: ProgramSettings) => unknown): Promise<ProgramSettings> {
    const install = await this.deps.installs.requireActive(storeId);
    // Ecwid is asked outside the store's transaction; the transaction takes the change only if it names nothing unchecked.
    const looked = await this.get(storeId);
    const checked = await this.checkCatalog(storeId, looked, parseInput(programSettingsSchema, change(looked)));
    const { saved, changed, before } = await this.deps.storage.transaction(storeId, async (tx) => {
      const current = readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision);
      const next = parseInput(programSettingsSchema, change(current));
      if (newCatalogReferences(current, next).some((reference) => !checked.has(`${reference.kind}:${reference.id}`)))
        throw conflict("The program changed while it was being saved. Save again.");
      const { changes, touched } = programChanges(current, next);
      if (changes.length === 0) return { saved: current, changed: false, before: current };
      await tx.settings.save(storeId, next);
      const createdAt = this.deps.clock.now().toISOString();
      await tx.audit.append(storeId, { id: newId("aud"), storeId, actor: write.actor, action: "settings.updated", subject, details: { changes, touched }, createdAt });
      return { saved: next, changed: true, before: current };
    });
    if (changed) {
      this.deps.changes.notify(storeId);
      await this.deps.measurements.measureProgramChange(storeId, before, saved, write.actor);
      await this.deps.groupLinks.linksChanged(storeId, before, saved);
    }
    return saved;
  }

  /** Refuses, beside each field, a product or category `next` newly names that the catalog lacks; answers what was checked. */
  private async checkCatalog(storeId: number, current: ProgramSettings, next: ProgramSettings): Promise<Set<string>> {
    const references = newCatalogReferences(current, next);
    if (references.length === 0) return new Set();
    const ids = (kind: CatalogReference["kind"]) => [...new Set(references.filter((reference) => reference.kind === kind).map((reference) => reference.id))];
    const missing = await this.deps.catalog.missing(storeId, { productIds: ids("product"), categoryIds: ids("category") });
    const absent = references.filter((reference) => (reference.kind === "product" ? missing.productIds : missing.categoryIds).includes(reference.id));
    if (absent.length > 0)
      throw validationFailed(
        absent.map((reference) => ({ path: reference.path, code: "invalid_value" as const, message: `is not a ${reference.kind} in this store's catalog (id ${reference.id})` })),
      );
    return new Set(references.map((reference) => `${reference.kind}:${reference.id}`));
  }
}
