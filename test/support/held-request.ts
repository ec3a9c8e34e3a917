import { connect, type Socket } from "node:net";

/**
 * A POST whose headers the server has read (it answered `100 Continue`) but whose body is not sent yet:
 * a request in flight for as long as the test likes. `finish` sends the body and resolves with the
 * response (head lower-cased) once the whole of it has arrived.
 */
export async function holdRequest(url: string, path: string, headers: Record<string, string>, body: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (received += chunk));
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Expect: 100-continue",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join("\r\n");
  socket.write(`${head}\r\n\r\n`);
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!received.startsWith("HTTP/1.1 100")) return;
      received = received.slice(received.indexOf("\r\n\r\n") + 4);
      socket.off("data", check);
      resolve();
    };
    socket.on("data", check);
    socket.once("error", reject);
  });
  return {
    async finish(): Promise<{ status: number; headers: string; body: string }> {
      socket.write(body);
      const response = await new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
        const check = () => {
          const split = received.indexOf("\r\n\r\n");
          if (split < 0) return;
          const headPart = received.slice(0, split).toLowerCase();
          const length = Number(/content-length: (\d+)/.exec(headPart)?.[1] ?? 0);
          const bodyPart = received.slice(split + 4);
          if (Buffer.byteLength(bodyPart) < length) return;
          socket.off("data", check);
          resolve({ status: Number(headPart.split(" ")[1]), headers: headPart, body: bodyPart });
        };
        socket.on("data", check);
        socket.once("close", () => reject(new Error(`the connection closed before a whole response: ${JSON.stringify(received)}`)));
        check();
      });
      socket.destroy();
      return response;
    },
  };
}

/** Resolves once the server no longer accepts connections (it began to shut down). */
export async function refusesConnections(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  for (let attempt = 0; attempt < 500; attempt++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(true));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} still accepts connections`);
}
