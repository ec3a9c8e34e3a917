import type { AddressInfo } from "node:net";
import express, { type Router } from "express";
import type { RunningEmulator } from "./api-types.js";

/** Serves the emulator on its own over real HTTP on 127.0.0.1 (port 0 picks a free port). */
export function listen(router: Router, port = 0): Promise<RunningEmulator> {
  const app = express();
  app.disable("x-powered-by");
  app.use(router);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, "127.0.0.1");
    server.once("error", reject);
    server.once("listening", () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
