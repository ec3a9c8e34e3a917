import type { Server, ServerResponse } from "node:http";

export interface RequestDrain {
  /**
   * Stops taking connections, answers the requests in flight (each with `Connection: close`), closes
   * keep-alive connections as they fall idle, and cuts what is still open after `graceMs`. Resolves
   * with how many requests were cut.
   */
  close(graceMs: number): Promise<{ cut: number }>;
  /** Requests received and not yet answered. */
  inFlight(): number;
}

/** Tracks the server's requests in flight from the start, so a shutdown can wait for exactly those. */
export function trackRequests(server: Server): RequestDrain {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  const closeWhenIdle = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
    res.once("finish", () => server.closeIdleConnections());
  };
  server.on("request", (_req, res: ServerResponse) => {
    inFlight.add(res);
    // "close" comes once per answer: `on` spares the wrapper `once` builds for each request.
    res.on("close", () => inFlight.delete(res));
    // a keep-alive connection may carry one more request after close() began
    if (closing) closeWhenIdle(res);
  });

  return {
    inFlight: () => inFlight.size,
    close(graceMs) {
      closing = true;
      return new Promise((resolve) => {
        let cut = 0;
        const timer = setTimeout(() => {
          cut = inFlight.size;
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve({ cut });
        });
        server.closeIdleConnections();
        for (const res of inFlight) closeWhenIdle(res);
      });
    },
  };
}
