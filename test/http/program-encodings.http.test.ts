import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;

beforeAll(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore());
});
afterAll(() => app.close());

const encodingFor = async (acceptEncoding: string) => {
  const answer = await app.http.get(`/api/storefront/${storeId}/program`, { headers: { "Accept-Encoding": acceptEncoding }, responseType: "arraybuffer", decompress: false });
  expect(answer.status).toBe(200);
  return answer.headers["content-encoding"] ?? "identity";
};

describe("the program's encoding, chosen per Accept-Encoding", () => {
  it("when callers send many different Accept-Encoding headers, then each gets what it accepts, the 100th as the first", async () => {
    const headers = Array.from({ length: 100 }, (_, i) => [`gzip;q=0.${(i % 9) + 1}, x-custom-${i}`, "gzip"] as const);
    for (const [header, expected] of headers) expect(await encodingFor(header)).toBe(expected);
    expect(await encodingFor("br;q=0, gzip;q=0")).toBe("identity");
    expect(await encodingFor("gzip, br")).toBe("br");
    expect(await encodingFor("br;q=0, gzip")).toBe("gzip");
    expect(await encodingFor("*")).toBe("br");
    expect(await encodingFor("gzip, br")).toBe("br");
  });
});
