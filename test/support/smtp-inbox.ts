import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part, null for a text-only email. */
  html: string | null;
  /** Each header as sent (unfolded), by lower-case name. */
  headers: Record<string, string>;
}

/** A real SMTP server in-process: the app sends to it over SMTP exactly as it would in production. */
export async function startSmtpInbox(): Promise<{ url: string; messages: ReceivedMail[]; codeFor(email: string): string; close(): Promise<void> }> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((address) => address.text).join(", ") : (mail.to?.text ?? "");
          const headers = Object.fromEntries(
            mail.headerLines.map(({ key, line }) => [
              key,
              line
                .slice(line.indexOf(":") + 1)
                .replace(/\r?\n[ \t]+/g, " ")
                .trim(),
            ]),
          );
          messages.push({ to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : null, headers });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    codeFor(email) {
      // The newest mail to them that carries a code: other program emails (a tier reached, a referral paid) may come after it.
      const code = [...messages]
        .reverse()
        .filter((message) => message.to.toLowerCase().includes(email.toLowerCase()))
        .map((message) => /\b(\d{6})\b/.exec(message.text)?.[1])
        .find(Boolean);
      if (!code) throw new Error(`no code was mailed to ${email}`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
