import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.js";

const production = {
  ECWID_CLIENT_ID: "questline",
  ECWID_CLIENT_SECRET: "0123456789abcdef0123",
  BASE_URL: "https://questline.example.com/",
  SESSION_SECRET: "s".repeat(40),
  ENCRYPTION_KEY: "e".repeat(40),
};

describe("config", () => {
  it("when no Ecwid client id is given, then it runs in demo mode against the emulator under /demo", () => {
    const config = loadConfig({ PORT: "4100" });
    expect(config.demo).toBe(true);
    expect(config.baseUrl).toBe("http://localhost:4100");
    expect(config.ecwid.apiUrl).toBe("http://localhost:4100/demo/ecwid/api/v3");
    expect(config.ecwid.oauthUrl).toBe("http://localhost:4100/demo/ecwid/api/oauth");
    expect(config.storage).toEqual({ dataDir: "./data", databaseUrl: null });
  });

  it("when production settings are complete, then Ecwid's real URLs are the defaults and trailing slashes are trimmed", () => {
    const config = loadConfig(production);
    expect(config.demo).toBe(false);
    expect(config.baseUrl).toBe("https://questline.example.com");
    expect(config.ecwid.apiUrl).toBe("https://app.ecwid.com/api/v3");
    expect(config.ecwid.oauthUrl).toBe("https://my.ecwid.com/api/oauth");
    expect(config.uninstallGraceDays).toBe(30);
  });

  it("when a secret is missing outside demo mode, then loading fails naming the variable", () => {
    const { SESSION_SECRET: _omitted, ...rest } = production;
    expect(() => loadConfig(rest)).toThrow(ConfigError);
    expect(() => loadConfig(rest)).toThrow(/SESSION_SECRET is required/);
  });

  it("when a value is malformed, then the message names the key and the problem", () => {
    expect(() => loadConfig({ ...production, PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ ...production, ENCRYPTION_KEY: "short" })).toThrow(/ENCRYPTION_KEY: must be at least 32/);
    expect(() => loadConfig({ ...production, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("when every Ecwid URL is overridden, then the overrides are used", () => {
    const config = loadConfig({ ...production, ECWID_API_URL: "http://127.0.0.1:9/api/v3/", ECWID_OAUTH_URL: "http://127.0.0.1:9/api/oauth" });
    expect(config.ecwid.apiUrl).toBe("http://127.0.0.1:9/api/v3");
    expect(config.ecwid.oauthUrl).toBe("http://127.0.0.1:9/api/oauth");
  });
});
