import http from "node:http";

export interface RawRequest {
  method: string;
  /** Sent as is: latin1 characters go over the wire as single bytes, so `\xed` is the byte 0xED. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request over its own connection with node:http, which sends headers and body bytes as given
 * (no JSON encoding, no charset or compression added), so malformed input really reaches the server.
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  // node:http frames a body only for methods it expects one with; say its length so a GET's body is framed too.
  const length = request.body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(request.body)) };
  const headers = { ...length, ...request.headers };
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ hostname, port, method: request.method, path: request.path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** The JSON body of a response, or null when it has none. */
export function jsonOf(response: RawResponse): unknown {
  const text = response.body.toString("utf8");
  return text ? JSON.parse(text) : null;
}
