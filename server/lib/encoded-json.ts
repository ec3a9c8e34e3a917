import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** A JSON answer serialised and compressed once, to be sent as it is to every caller who asks. */
export interface EncodedJson {
  /** Weak: the three encodings carry the same JSON, and If-None-Match compares weakly anyway. */
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export async function encodeJson(value: unknown): Promise<EncodedJson> {
  const identity = Buffer.from(JSON.stringify(value), "utf8");
  const [gz, br] = await Promise.all([
    gzipped(identity, { level: 9 }),
    brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  return { etag: `W/"${createHash("sha256").update(identity).digest("base64url").slice(0, 32)}"`, identity, gzip: gz, br };
}
