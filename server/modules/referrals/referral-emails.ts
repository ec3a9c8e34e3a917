import type { EmailService } from "../emails/email.service.js";
import type { Referral } from "./referral.js";

/** After a commit that moved a referral: a held one tells the ambassador their friend's order counts; a paid one, that the reward is theirs. */
export function tellAmbassador(emails: Pick<EmailService, "referralQualified" | "referralPaid">, storeId: number, referral: Referral): void {
  if (referral.status === "held") void emails.referralQualified(storeId, referral);
  else if (referral.status === "paid") void emails.referralPaid(storeId, referral);
}
