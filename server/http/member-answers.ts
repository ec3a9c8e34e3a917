import type { ChangeSignal } from "../lib/change-signal.js";
import type { Clock } from "../lib/clock.js";
import { GroupedCache } from "../lib/grouped-cache.js";
import { resolveLanguage } from "../modules/i18n/language.js";
import type { ShopperPrincipal } from "../modules/shoppers/shopper-session.service.js";
import type { StorefrontService } from "../modules/storefront/storefront.service.js";

/** How long a process keeps a member's `/me` answer: a write in another process sharing PostgreSQL shows within this. */
export const MEMBER_ANSWER_TTL_MS = 2_000;
/** Answers kept at once; past this, the oldest goes first. */
export const MEMBER_ANSWERS_KEPT = 10_000;

/**
 * `GET /me` as JSON bytes, kept per member and language for a moment: a widget asks again on every page the
 * shopper opens. Any transaction this process runs on the store drops the store's answers before its caller
 * hears of it, so a shopper always reads their own redemption, task or order here at once.
 */
export function memberAnswers(deps: { storefront: Pick<StorefrontService, "me">; storeWrites: ChangeSignal<number>; clock: Clock }) {
  const kept = new GroupedCache<number, Buffer>({ ttlMs: MEMBER_ANSWER_TTL_MS, maxEntries: MEMBER_ANSWERS_KEPT, now: () => deps.clock.now().getTime() });
  deps.storeWrites.listen((storeId) => kept.forget(storeId));
  return (principal: ShopperPrincipal, langInput: unknown): Promise<Buffer> => {
    const lang = resolveLanguage(langInput);
    return kept.get(principal.storeId, `${principal.storeId}:${principal.memberId}:${lang}`, async () =>
      Buffer.from(JSON.stringify(await deps.storefront.me(principal, lang)), "utf8"),
    );
  };
}
