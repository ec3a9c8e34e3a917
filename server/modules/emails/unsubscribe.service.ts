import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { fill, resolveLanguage } from "../i18n/language.js";
import type { Language } from "../settings/program-settings.js";
import type { InstallRepository } from "../stores/install.js";
import { PROGRAM_EMAIL_TEXTS } from "./email-texts.js";
import type { UnsubscribeLinks, UnsubscribeTarget } from "./unsubscribe-links.js";

/** What the unsubscribe page shows: a question with its button, the answer, or why the link does not work. */
export interface UnsubscribePage {
  status: "confirm" | "done" | "invalid";
  lang: Language;
  title: string;
  message: string;
  /** The button's label while asking; null otherwise. */
  button: string | null;
}

/**
 * A member's way out of the program's emails, by the link each one carries: `page` asks, `unsubscribe` does it
 * (the page's button and mail clients' one-click POST alike). The token is the only proof asked for; doing it
 * again changes nothing. Sign-in codes still go to an unsubscribed member: they asked for those.
 */
export class UnsubscribeService {
  constructor(private readonly deps: { storage: UnitOfWork<"members">; installs: Pick<InstallRepository, "get">; links: UnsubscribeLinks; clock: Clock; logger: Logger }) {}

  async page(token: string): Promise<UnsubscribePage> {
    const target = this.deps.links.read(token);
    if (!target) return invalid();
    const member = await this.deps.storage.read(target.storeId, (tx) => tx.members.get(target.storeId, target.memberId));
    return this.answer(target, member?.lang ?? null, member !== null && member.unsubscribedAt === null ? "confirm" : "done");
  }

  async unsubscribe(token: string): Promise<UnsubscribePage> {
    const target = this.deps.links.read(token);
    if (!target) return invalid();
    const { storeId, memberId } = target;
    const found = await this.deps.storage.read(storeId, (tx) => tx.members.get(storeId, memberId));
    if (found && found.unsubscribedAt === null) {
      await this.deps.storage.transaction(storeId, async (tx) => {
        const member = await tx.members.get(storeId, memberId);
        if (!member || member.unsubscribedAt !== null) return;
        const at = this.deps.clock.now().toISOString();
        await tx.members.update(storeId, { ...member, unsubscribedAt: at, updatedAt: at });
      });
      this.deps.logger.info({ storeId, memberId }, "member unsubscribed from emails");
    }
    return this.answer(target, found?.lang ?? null, "done");
  }

  private async answer(target: UnsubscribeTarget, memberLang: Language | null, status: "confirm" | "done"): Promise<UnsubscribePage> {
    const install = await this.deps.installs.get(target.storeId);
    const lang = memberLang ?? resolveLanguage(install?.lang);
    const texts = { ...PROGRAM_EMAIL_TEXTS.en, ...PROGRAM_EMAIL_TEXTS[lang] };
    const store = install?.storeName ?? "";
    return {
      status,
      lang,
      title: texts["email.unsubscribe.title"]!,
      message: fill(texts[status === "confirm" ? "email.unsubscribe.confirm" : "email.unsubscribe.done"]!, { store }),
      button: status === "confirm" ? texts["email.unsubscribe.button"]! : null,
    };
  }
}

function invalid(): UnsubscribePage {
  const texts = PROGRAM_EMAIL_TEXTS.en;
  return { status: "invalid", lang: "en", title: texts["email.unsubscribe.title"]!, message: texts["email.unsubscribe.invalid"]!, button: null };
}
