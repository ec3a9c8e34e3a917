import crypto from "node:crypto";
import { z } from "zod";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { Logger } from "../../lib/logger.js";
import type { Mailer } from "../../lib/mailer.js";
import { safeEqual } from "../../lib/secret-box.js";
import { clientNetwork } from "../../lib/rate-limit/client-network.js";
import { enforceLimits, type RateLimiter, type RateLimiters } from "../../lib/rate-limit/rate-limiter.js";
import type { SessionTokens } from "../../lib/session-tokens.js";
import { parseInput } from "../../lib/validation.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { EMAIL_TEXTS } from "../i18n/email-texts.js";
import { fill, resolveLanguage, textsFor } from "../i18n/language.js";
import { normaliseEmail } from "../members/member.js";
import { findOrCreateMember } from "../members/member.service.js";
import { joinDraw } from "../holdout/holdout.rules.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { InstallService } from "../stores/install.service.js";

export const SHOPPER_AUDIENCE = "questline-shopper";
export const SHOPPER_SESSION_SECONDS = 30 * 24 * 60 * 60;
export const CODE_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

const QUARTER_HOUR = 15 * 60;
const DAY = 24 * 60 * 60;
/*
 * A limit per email alone would let anyone lock a shopper out by asking for their codes, so the narrow limits
 * are per email and caller address (an IPv6 caller counts as its /64), with a per-email ceiling several
 * addresses' worth higher: one address hammering an email gets 5 codes a day and leaves the shopper 15.
 * Guessing stays hopeless: whatever the number of addresses, an email gets at most 20 codes a day and each
 * dies after 5 wrong guesses, so at most 100 guesses a day at one in a million each: 1 in 10,000 a day, and
 * under 4% over a year of nonstop attack that also mails the shopper 20 codes every day.
 */
const LIMITS = {
  codesPerAddress: { name: "codes-address", points: 10, windowSeconds: QUARTER_HOUR, refusal: "Too many codes were requested from here. Try again in a few minutes." },
  codesPerEmailAndAddress: {
    name: "codes-email-address",
    points: 5,
    windowSeconds: DAY,
    refusal: "Several codes were sent to this address already. Use the latest one or try again later.",
  },
  codesPerEmail: { name: "codes-email", points: 20, windowSeconds: DAY, refusal: "Many codes were sent to this address today. Use the latest one or try again later." },
  guessesPerAddress: { name: "guesses-address", points: 30, windowSeconds: QUARTER_HOUR, refusal: "Too many attempts from here. Try again in a few minutes." },
  // A few codes' worth: someone elsewhere can spoil at most two of a shopper's codes a quarter hour from one address.
  guessesPerEmailAndAddress: { name: "guesses-email-address", points: 10, windowSeconds: QUARTER_HOUR, refusal: "Too many attempts. Try again in a few minutes." },
};

const emailSchema = z.string().trim().max(254).pipe(z.email("enter a valid email address"));
const startSchema = z.strictObject({ email: emailSchema, lang: z.string().max(20).optional() });
const verifySchema = z.strictObject({
  email: emailSchema,
  /** The widget's language: the shopper's emails go in it. */
  lang: z.string().max(20).optional(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "the code has six digits"),
});

export interface ShopperPrincipal {
  storeId: number;
  memberId: string;
}

/**
 * A shopper proves an email with a six-digit code (Ecwid gives a storefront no verifiable identity).
 * Codes are stored hashed, live ten minutes and allow five guesses; requests and guesses are limited
 * per caller address, per email and address, and per email (LIMITS), counted by every process alike.
 */
export class ShopperSessionService {
  private readonly limits: { [name in keyof typeof LIMITS]: RateLimiter };

  constructor(
    private readonly deps: {
      storage: UnitOfWork<"signInCodes" | "members">;
      installs: InstallService;
      settings: SettingsService;
      mailer: Mailer;
      tokens: SessionTokens;
      clock: Clock;
      secret: string;
      logger: Logger;
      rateLimiters: RateLimiters;
    },
  ) {
    const limiter = deps.rateLimiters;
    this.limits = {
      codesPerAddress: limiter(LIMITS.codesPerAddress),
      codesPerEmailAndAddress: limiter(LIMITS.codesPerEmailAndAddress),
      codesPerEmail: limiter(LIMITS.codesPerEmail),
      guessesPerAddress: limiter(LIMITS.guessesPerAddress),
      guessesPerEmailAndAddress: limiter(LIMITS.guessesPerEmailAndAddress),
    };
  }

  async start(storeId: number, input: unknown, ip: string): Promise<{ sent: true; expiresInSeconds: number }> {
    const { email: rawEmail, lang } = parseInput(startSchema, input);
    const email = normaliseEmail(rawEmail);
    const install = await this.deps.installs.requireActive(storeId);
    const network = clientNetwork(ip);
    await enforceLimits([
      [this.limits.codesPerAddress, `${storeId}:${network}`],
      [this.limits.codesPerEmailAndAddress, `${storeId}:${email}:${network}`],
      [this.limits.codesPerEmail, `${storeId}:${email}`],
    ]);
    const now = this.deps.clock.now();
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
    await this.deps.storage.transaction(storeId, async (tx) => {
      await tx.signInCodes.insert(storeId, {
        id: newId("sic"),
        storeId,
        email,
        codeHash: this.hash(storeId, email, code),
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString(),
        attempts: 0,
        consumedAt: null,
        createdAt: now.toISOString(),
      });
    });
    const settings = await this.deps.settings.get(storeId);
    const texts = textsFor(EMAIL_TEXTS, resolveLanguage(lang ?? install.lang), settings.texts);
    const values = { store: install.storeName, code, minutes: CODE_MINUTES };
    await this.deps.mailer.send({ to: email, subject: fill(texts["email.code.subject"]!, values), text: fill(texts["email.code.body"]!, values) });
    this.deps.logger.info({ storeId }, "sign-in code sent");
    return { sent: true, expiresInSeconds: CODE_MINUTES * 60 };
  }

  /** The session token for the shopper the code proves, and who they are. */
  async verify(storeId: number, input: unknown, ip: string): Promise<{ token: string; expiresIn: number; principal: ShopperPrincipal }> {
    const { email: rawEmail, code, lang } = parseInput(verifySchema, input);
    const email = normaliseEmail(rawEmail);
    await this.deps.installs.requireActive(storeId);
    const network = clientNetwork(ip);
    await enforceLimits([
      [this.limits.guessesPerAddress, `${storeId}:${network}`],
      [this.limits.guessesPerEmailAndAddress, `${storeId}:${email}:${network}`],
    ]);
    const now = this.deps.clock.now();
    const joining = joinDraw((await this.deps.settings.get(storeId)).holdout, storeId, now);
    const outcome = await this.deps.storage.transaction(storeId, async (tx) => {
      const active = await tx.signInCodes.latestActive(storeId, email, now);
      if (!active) return { kind: "none" as const };
      if (active.attempts >= MAX_CODE_ATTEMPTS) return { kind: "exhausted" as const };
      if (!safeEqual(this.hash(storeId, email, code), active.codeHash)) {
        await tx.signInCodes.update(storeId, { ...active, attempts: active.attempts + 1 });
        return { kind: "wrong" as const, attemptsLeft: MAX_CODE_ATTEMPTS - active.attempts - 1 };
      }
      await tx.signInCodes.update(storeId, { ...active, consumedAt: now.toISOString() });
      const member = await findOrCreateMember(tx, storeId, { customerId: null, email }, this.deps.clock, joining);
      // Recorded only once the email is proven: anyone may ask for a code, only the shopper gets this far.
      const spoken = lang === undefined ? member.lang : resolveLanguage(lang);
      if (spoken !== member.lang) await tx.members.update(storeId, { ...member, lang: spoken, updatedAt: now.toISOString() });
      return { kind: "ok" as const, memberId: member.id };
    });
    switch (outcome.kind) {
      case "none":
        throw new AppError("invalid_code", "This code has expired or was never sent. Ask for a new one.", { attemptsLeft: 0 });
      case "exhausted":
        throw new AppError("invalid_code", "Too many wrong codes. Ask for a new one.", { attemptsLeft: 0 });
      case "wrong":
        throw new AppError(
          "invalid_code",
          outcome.attemptsLeft > 0 ? `That code is not right. ${outcome.attemptsLeft} tries left.` : "That code is not right. Ask for a new one.",
          { attemptsLeft: outcome.attemptsLeft },
        );
      case "ok":
        return {
          token: this.deps.tokens.sign(SHOPPER_AUDIENCE, { storeId, memberId: outcome.memberId }, SHOPPER_SESSION_SECONDS),
          expiresIn: SHOPPER_SESSION_SECONDS,
          principal: { storeId, memberId: outcome.memberId },
        };
    }
  }

  /** The shopper a bearer token speaks for, or an error; a token for another store is refused. */
  authenticate(storeId: number, bearer: string | undefined): ShopperPrincipal {
    const token = /^Bearer\s+(.+)$/i.exec(bearer ?? "")?.[1];
    const claims = token ? this.deps.tokens.verify(SHOPPER_AUDIENCE, token) : null;
    if (!claims || claims.storeId !== storeId || typeof claims.memberId !== "string") throw new AppError("unauthorized", "Sign in again to see your rewards");
    return { storeId, memberId: claims.memberId };
  }

  private hash(storeId: number, email: string, code: string): string {
    return crypto.createHmac("sha256", this.deps.secret).update(`${storeId}:${email}:${code}`).digest("base64url");
  }
}
