import { notFound } from "../../../lib/errors.js";
import type { CatalogService } from "../../catalog/catalog.service.js";
import type { SettingsService } from "../../settings/settings.service.js";
import type { InstallService } from "../../stores/install.service.js";
import { PROGRAM_TEMPLATES } from "./index.js";
import { mergeTemplate, templateItems, type StoreCategory } from "./templates.rules.js";

/** Ready programs a merchant starts from: listed with what they hold, applied through the settings service (validated, versioned, audited, measured). */
export class ProgramTemplatesService {
  constructor(private readonly deps: { settings: SettingsService; installs: Pick<InstallService, "requireActive">; catalog: Pick<CatalogService, "categories"> }) {}

  async list(storeId: number) {
    const { currencyPrecision } = await this.deps.installs.requireActive(storeId);
    return PROGRAM_TEMPLATES.map((template) => {
      const items = template.items(currencyPrecision);
      return {
        id: template.id,
        name: template.name,
        description: template.description,
        counts: { challenges: items.challenges.length + items.categoryChallenges.length, badges: items.badges.length, tiers: items.tiers.length, rewards: items.rewards.length },
      };
    });
  }

  async apply(storeId: number, templateId: string, actor: string) {
    const template = PROGRAM_TEMPLATES.find((candidate) => candidate.id === templateId);
    if (!template) throw notFound(`There is no template ${templateId}`);
    const { currencyPrecision } = await this.deps.installs.requireActive(storeId);
    const { items, skipped } = templateItems(template, currencyPrecision, await this.storeCategories(storeId));
    let added = { challenges: 0, badges: 0, tiers: 0, rewards: 0 };
    await this.deps.settings.edit(storeId, { actor }, `templates/${template.id}`, (current) => {
      const merged = mergeTemplate(current, items);
      added = merged.added;
      return merged.next;
    });
    return { template: template.id, added, skipped };
  }

  /** The store's categories for stamp cards; none when the catalog cannot be read (those challenges are then skipped, the rest applied). */
  private async storeCategories(storeId: number): Promise<StoreCategory[]> {
    try {
      return (await this.deps.catalog.categories(storeId, { q: "" })).items;
    } catch {
      return [];
    }
  }
}
