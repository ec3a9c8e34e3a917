import { describe, expect, it } from "vitest";
import { isCallableAddress } from "../../../server/modules/webhooks/webhook-address.rules.js";
import { deliveryVerdict } from "../../../server/modules/webhooks/webhook-retry.rules.js";

describe("webhook addresses", () => {
  it("when an address is public unicast, then it may be called; loopback only with the test setting", () => {
    for (const address of ["8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) expect(isCallableAddress(address, false), address).toBe(true);
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(isCallableAddress(address, false), address).toBe(false);
      expect(isCallableAddress(address, true), address).toBe(true);
    }
  });

  it("when an address is private, link-local, metadata, CGNAT, unspecified, multicast or carries an IPv4 address, then it is refused even with the test setting", () => {
    const refused = [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::",
      "fe80::1",
      "fc00::1",
      "fd12::1",
      "ff02::1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "2002:7f00:1::1",
      "64:ff9b::7f00:1",
      "not an address",
    ];
    for (const address of refused) expect(isCallableAddress(address, true), address).toBe(false);
  });
});

describe("webhook retries", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const created = "2026-05-01T11:00:00.000Z";
  const half = () => 0.5;

  it("when the answer is 2xx, then it is delivered; 3xx and other 4xx are not tried again", () => {
    expect(deliveryVerdict({ status: 204, retryAfterMs: null }, 1, created, now)).toEqual({ kind: "succeeded" });
    for (const status of [301, 302, 400, 401, 404, 410]) expect(deliveryVerdict({ status, retryAfterMs: null }, 1, created, now).kind, String(status)).toBe("failed");
  });

  it("when there is no answer, 408, 429 or 5xx, then the wait doubles from 30 s to at most an hour, and Retry-After is kept within 1 s and an hour", () => {
    const wait = (attempts: number, status: number | null, retryAfterMs: number | null = null) => {
      const verdict = deliveryVerdict({ status, retryAfterMs }, attempts, created, now, half);
      return verdict.kind === "retry" ? verdict.at.getTime() - now.getTime() : verdict.kind;
    };
    expect([1, 2, 3, 4].map((attempts) => wait(attempts, 503))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(wait(20, null)).toBe(3_600_000);
    expect(wait(1, 408)).toBe(30_000);
    expect(wait(1, 429, 120_000)).toBe(120_000);
    expect(wait(1, 429, 0)).toBe(1000);
    expect(wait(1, 503, 86_400_000)).toBe(3_600_000);
  });

  it("when the next try would fall more than a day after the event, then the delivery gives up", () => {
    const old = new Date(now.getTime() - 24 * 3_600_000 + 10_000).toISOString();
    expect(deliveryVerdict({ status: 500, retryAfterMs: null }, 1, old, now, half)).toEqual({ kind: "failed", reason: "still failing a day after the event" });
  });
});
