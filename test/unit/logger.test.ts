import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createRootLogger } from "../../server/lib/logger.js";

function captured() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createRootLogger({ level: "info", destination }), lines };
}

describe("root logger", () => {
  it("when a logged object holds secret keys at any depth, then each value is redacted and the rest is kept", () => {
    const { logger, lines } = captured();

    logger.info({ storeId: 7, token: "t0", nested: { code: "123456", deeper: { access_token: "tok", list: [{ Authorization: "Bearer x" }] } } }, "hello");

    expect(lines).toEqual([
      expect.objectContaining({
        msg: "hello",
        storeId: 7,
        token: "[redacted]",
        nested: { code: "[redacted]", deeper: { access_token: "[redacted]", list: [{ Authorization: "[redacted]" }] } },
      }),
    ]);
  });

  it("when a child's bindings or a serialized error carry a secret, then it is redacted too", () => {
    const { logger, lines } = captured();
    const error = Object.assign(new Error("Ecwid refused"), { config: { headers: { authorization: "Bearer secret-token" } } });

    logger.child({ payload: "encrypted-payload" }).error({ err: error }, "call failed");

    const [line] = lines;
    expect(line).toMatchObject({ payload: "[redacted]", msg: "call failed", err: { message: "Ecwid refused", config: { headers: { authorization: "[redacted]" } } } });
    expect(JSON.stringify(lines)).not.toMatch(/secret-token|encrypted-payload/);
  });

  it("when a value only mentions a secret key's name, then the line is written as it is", () => {
    const { logger, lines } = captured();

    logger.info({ note: 'the "token": field is checked', path: "/oauth/callback" }, "token refreshed");

    expect(lines).toEqual([expect.objectContaining({ note: 'the "token": field is checked', path: "/oauth/callback", msg: "token refreshed" })]);
  });
});
