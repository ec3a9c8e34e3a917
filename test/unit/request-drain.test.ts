import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { trackRequests } from "../../server/http/request-drain.js";

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

/** A server whose handler answers only when the test says so, and says when a request has arrived. */
async function heldServer() {
  const waiting: http.ServerResponse[] = [];
  let onArrival: (() => void) | null = null;
  const server = http.createServer((_req, res) => {
    waiting.push(res);
    onArrival?.();
  });
  servers.push(server);
  const drain = trackRequests(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true });
  const get = () =>
    new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        })
        .on("error", reject);
    });
  const nextArrival = () => new Promise<void>((resolve) => (onArrival = resolve));
  return { drain, get, waiting, nextArrival };
}

describe("request drain", () => {
  it("when requests are held and then answered, then inFlight counts those not yet answered", async () => {
    const { drain, get, waiting, nextArrival } = await heldServer();
    expect(drain.inFlight()).toBe(0);
    const arrival = nextArrival();
    const answer = get();
    await arrival;
    expect(drain.inFlight()).toBe(1);

    const closed = new Promise((resolve) => waiting[0]!.once("close", resolve));
    waiting[0]!.end("ok");
    await Promise.all([answer, closed]);
    expect(drain.inFlight()).toBe(0);
  });

  it("when a request on a keep-alive connection is in flight as the server closes, then it is answered with Connection: close and the close completes", async () => {
    const { drain, get, waiting, nextArrival } = await heldServer();
    const arrival = nextArrival();
    const answer = get();
    await arrival;

    const closed = drain.close(60_000);
    waiting[0]!.end("ok");

    expect(await answer).toEqual({ status: 200, connection: "close" });
    expect(await closed).toEqual({ cut: 0 });
  });

  it("when an idle keep-alive connection is open as the server closes, then it is closed at once", async () => {
    const { drain, get, waiting, nextArrival } = await heldServer();
    const arrival = nextArrival();
    const first = get();
    await arrival;
    waiting[0]!.end("ok");
    expect((await first).connection).toBe("keep-alive");

    expect(await drain.close(60_000)).toEqual({ cut: 0 });
  });

  it("when a request is still open after the grace, then its connection is cut and counted", async () => {
    const { drain, get, nextArrival } = await heldServer();
    const arrival = nextArrival();
    const answer = get();
    await arrival;

    const closed = await drain.close(50);

    expect(closed).toEqual({ cut: 1 });
    await expect(answer).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
