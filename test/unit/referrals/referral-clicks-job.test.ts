import { describe, expect, it } from "vitest";
import type { Container } from "../../../server/container.js";
import { startReferralClickFlush } from "../../../server/jobs/referral-clicks.job.js";
import { capturedLog } from "../../support/captured-log.js";

describe("the referral click flush", () => {
  it("when the app stops, then the visits counted since the last flush are written once more", async () => {
    let flushes = 0;
    const referralClicks = {
      flush: async () => {
        flushes += 1;
      },
    } as unknown as Container["referralClicks"];
    const job = startReferralClickFlush({ referralClicks, logger: capturedLog().logger }, 60_000);
    await job.idle();
    expect(flushes).toBe(1);

    await job.stop();
    expect(flushes).toBe(2);
  });
});
