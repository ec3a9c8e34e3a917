import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** The plain-text part; every email has one. */
  text: string;
  /** The HTML part, when there is one (the program's emails; sign-in codes are text only). */
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

export interface OutboxMessage extends OutgoingEmail {
  sentAt: string;
}

/** Keeps the last messages in memory instead of sending them: demo mode's outbox, shown on a demo page. */
export class OutboxMailer implements Mailer {
  readonly #messages: OutboxMessage[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly keep = 50,
  ) {}

  async send(email: OutgoingEmail): Promise<void> {
    this.#messages.unshift({ ...email, sentAt: this.now().toISOString() });
    this.#messages.length = Math.min(this.#messages.length, this.keep);
  }

  /** Newest first. */
  messages(): OutboxMessage[] {
    return this.#messages.map((message) => ({ ...message }));
  }
}

/** Sends through the SMTP server at `smtpUrl` (smtp://user:pass@host:port or smtps://...). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(email) {
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html === undefined ? {} : { html: email.html }),
        ...(email.headers === undefined ? {} : { headers: email.headers }),
      });
    },
  };
}
