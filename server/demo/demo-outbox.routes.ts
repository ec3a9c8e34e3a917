import { Router } from "express";
import type { OutboxMailer } from "../lib/mailer.js";

/**
 * An email's HTML as the outbox frames it: its links open in a new tab, as a mail client opens them, so the
 * unsubscribe page gets a whole window and its form can post (the sandboxed frame itself may not submit one).
 */
const linksInNewTab = (html: string) => html.replace("<head>", '<head>\n<base target="_blank">');

/** GET /demo/outbox(.json): the emails demo mode would have sent, newest first (sign-in codes and program emails). */
export function demoOutboxRoutes(outbox: OutboxMailer): Router {
  const router = Router();
  router.get("/demo/outbox.json", (_req, res) => {
    res.set("Cache-Control", "no-store");
    res.json({ messages: outbox.messages() });
  });
  router.get("/demo/outbox", (_req, res) => {
    res.set("Cache-Control", "no-store");
    const messages = outbox.messages().map((message) => (message.html ? { ...message, html: linksInNewTab(message.html) } : message));
    res.render("demo/outbox", { messages });
  });
  return router;
}
