import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An endpoint on loopback that records what it is sent and answers what `answer` says (200 by default). */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  let answer: (request: Received) => { status: number; headers?: Record<string, string>; body?: string } = () => ({ status: 200, body: "ok" });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      const { status, headers, body } = answer(request);
      res.writeHead(status, headers).end(body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answerWith(next: typeof answer) {
      answer = next;
    },
    /** The events received, each checked as a receiver would check it (README): signature over "t.body" with the secret, a timestamp within 5 minutes of `now`. */
    verifiedEvents(secret: string, now: Date = new Date()) {
      return received.map(({ headers, body }) => {
        const header = String(headers["questline-signature"] ?? "");
        const t = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
        const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1] ?? "";
        const expected = crypto.createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
        if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(v1.padEnd(64, "0")))) throw new Error(`bad signature on ${body}`);
        if (Math.abs(now.getTime() / 1000 - t) > 300) throw new Error(`stale timestamp ${t}`);
        return JSON.parse(body) as { id: string; type: string; createdAt: string; storeId: number; data: Record<string, unknown> };
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
