import { customAlphabet } from "nanoid";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import type { MemberReferral } from "./referral.js";
import type { ReferralCodeIndex } from "./referral-code-index.js";
import { CODE_SUFFIX_ALPHABET, CODE_SUFFIX_LENGTH, codeStem, newMemberReferral, referralCode } from "./referral-code.rules.js";

/** 31^4 suffixes per name: a clash is rare, eight in a row would mean something else is wrong. */
const ATTEMPTS = 8;

/**
 * Issues a member their referral code, once. The code is claimed across all stores first (`referralCodes`), then
 * saved on the member under the store's lock; a member given one meanwhile (two `/me` at once) keeps theirs, and
 * the claim left behind leads nowhere, since whoever follows a code asks the store who holds it.
 */
export class ReferralCodeService {
  private readonly suffix: () => string;

  constructor(
    private readonly deps: {
      storage: UnitOfWork<"members">;
      codes: Pick<ReferralCodeIndex, "claim">;
      clock: Clock;
      logger: Logger;
      /** The four characters after the dash; random unless a test says otherwise. */
      suffix?: () => string;
    },
  ) {
    this.suffix = deps.suffix ?? customAlphabet(CODE_SUFFIX_ALPHABET, CODE_SUFFIX_LENGTH);
  }

  /** The member's ambassador side, their code issued first if they have none; null when it cannot be issued now (asked again next time). */
  async ensure(storeId: number, member: Member): Promise<MemberReferral | null> {
    if (member.referral) return member.referral;
    try {
      return await this.issue(storeId, member);
    } catch (err) {
      this.deps.logger.warn({ err, storeId, memberId: member.id }, "referral code not issued");
      return null;
    }
  }

  private async issue(storeId: number, member: Member): Promise<MemberReferral | null> {
    const stem = codeStem({ name: member.game.name, email: member.email });
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const code = referralCode(stem, this.suffix());
      if (!(await this.deps.codes.claim(code, storeId, member.id))) continue;
      return this.deps.storage.transaction(storeId, async (tx) => {
        const current = await tx.members.get(storeId, member.id);
        if (!current) return null;
        if (current.referral) return current.referral;
        const at = this.deps.clock.now().toISOString();
        const referral = newMemberReferral(code, at);
        await tx.members.update(storeId, { ...current, referral, updatedAt: at });
        return referral;
      });
    }
    throw new Error(`no free referral code for ${stem} after ${ATTEMPTS} tries`);
  }
}
