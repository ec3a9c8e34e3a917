import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ECWID_SCOPES, loadConfig } from "../../server/config.js";
import { QUEUED_EVENT_TYPES } from "../../server/modules/inbox/webhook-intake.service.js";

const manifest = JSON.parse(readFileSync(new URL("../../app.json", import.meta.url), "utf8"));
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("app.json", () => {
  it("when Ecwid registration is read from app.json, then its scopes are exactly the ones the app requests", () => {
    expect(manifest.ecwid.scopes).toEqual(ECWID_SCOPES);
  });

  it("when the README's registration table names the scopes, then they are the ones the app requests", () => {
    const row = /^\| Scopes\s*\| `([^`]+)`/m.exec(readme);
    expect(row?.[1]?.split(" ")).toEqual(ECWID_SCOPES);
  });

  it("when webhook events are registered, then every event the intake queues is subscribed, plus uninstall", () => {
    expect(new Set(manifest.ecwid.webhookEvents)).toEqual(new Set([...QUEUED_EVENT_TYPES, "application.uninstalled"]));
  });

  it("when a deployment sets every env key from app.json, then config accepts them all", () => {
    const samples: Record<string, string> = { DATABASE_URL: "postgres://u@h/db", SMTP_URL: "smtp://mail.example.com:587" };
    const env = Object.fromEntries(
      Object.keys(manifest.env).map((key) => [
        key,
        samples[key] ??
          (key.endsWith("_URL")
            ? "https://example.com"
            : manifest.env[key].generator === "secret" || key.includes("SECRET")
              ? "x".repeat(40)
              : (manifest.env[key].value ?? "questline")),
      ]),
    );
    expect(() => loadConfig(env)).not.toThrow();
  });
});
