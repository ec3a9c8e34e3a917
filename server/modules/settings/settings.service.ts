import type { ChangeSignal } from "../../lib/change-signal.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import { parseInput } from "../../lib/validation.js";
import type { Storage } from "../../storage/storage.port.js";
import type { InstallService } from "../stores/install.service.js";
import { defaultProgramSettings, programSettingsSchema, type ProgramSettings } from "./program-settings.js";

/** The merchant's program settings; every change is audited with its before and after, and signalled (caches drop it). */
export class SettingsService {
  constructor(private readonly deps: { storage: Storage; installs: InstallService; clock: Clock; changes: ChangeSignal<number> }) {}

  async get(storeId: number): Promise<ProgramSettings> {
    const install = await this.deps.installs.requireActive(storeId);
    const saved = await this.deps.storage.read(storeId, (tx) => tx.settings.get(storeId));
    return saved ?? defaultProgramSettings(install.currencyPrecision);
  }

  async update(storeId: number, input: unknown, actor: string): Promise<ProgramSettings> {
    const parsed = { data: parseInput(programSettingsSchema, input) };
    const before = await this.get(storeId);
    const at = this.deps.clock.now().toISOString();
    await this.deps.storage.transaction(storeId, async (tx) => {
      await tx.settings.save(storeId, parsed.data);
      await tx.audit.append(storeId, { id: newId("aud"), storeId, actor, action: "settings.updated", subject: "program", details: { before, after: parsed.data }, createdAt: at });
    });
    this.deps.changes.notify(storeId);
    return parsed.data;
  }
}
