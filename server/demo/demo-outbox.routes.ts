import { Router } from "express";
import type { OutboxMailer } from "../lib/mailer.js";

/** GET /demo/outbox(.json): the emails demo mode would have sent, newest first (sign-in codes). */
export function demoOutboxRoutes(outbox: OutboxMailer): Router {
  const router = Router();
  router.get("/demo/outbox.json", (_req, res) => {
    res.set("Cache-Control", "no-store");
    res.json({ messages: outbox.messages() });
  });
  router.get("/demo/outbox", (_req, res) => {
    res.set("Cache-Control", "no-store");
    res.render("demo/outbox", { messages: outbox.messages() });
  });
  return router;
}
