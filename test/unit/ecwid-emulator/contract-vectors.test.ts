import { describe, expect, it } from "vitest";
import { decryptIframePayload } from "../../../server/ecwid/iframe-payload.js";

/** What the admin page's script does with the legacy `#<hex>` fragment. */
const decodeHexPayload = (hex: string) => JSON.parse(Buffer.from(hex, "hex").toString("utf8"));
import { signWebhook } from "../../../server/ecwid/webhook-signature.js";
import { createEcwidEmulator, encryptIframePayload } from "../../../server/ecwid-emulator/index.js";
import { CLIENT_ID, CLIENT_SECRET } from "./emulator-fixture.js";

const DOC_SECRET = "0123abcd4567efgh1234567890";
const DOC_PAYLOAD =
  "AAECAwQFBgcICQoLDA0OD4NLXA_wxacuH6OLTee19or7Ua5XyT39I0Ht2ItrpVeYLiCPA5ZfCL1wAMRd389XNED5RsGrHsw2JXZ3Luor6hT7plfzguQQjhec17I_VBQEi4NKR1yNHZKTTNKLaLzqgEQVG_V2h2gYR5dV8i_IWh9zpYYy9-QlkicJaut4q91V";
const DOC_JSON = {
  store_id: 1003,
  lang: "en",
  access_token: "secret_testtoken123",
  view_mode: "PAGE",
  public_token: "public_testtoken456",
};
const ZERO_TO_FIFTEEN = Buffer.from(Array.from({ length: 16 }, (_, i) => i));

describe("CONTRACT test vectors", () => {
  it("when signing the §3.4 vector, then the signature matches the contract", () => {
    const signature = signWebhook(1234567, "80aece08-40e8-4145-8764-6c2f0d38678", "abcde123456789");

    expect(signature).toBe("lidx/4J5L2Pp4auvwGBp6DwPkpPmyVLI3oLB440X358=");
  });

  it("when the §2.2 payload is decrypted, then it yields the documented store context", () => {
    expect(decryptIframePayload(DOC_PAYLOAD, DOC_SECRET)).toEqual(DOC_JSON);
  });

  it("when the emulator encrypts the §2.2 JSON with IV 00..0f, then it produces the contract payload byte for byte", () => {
    expect(encryptIframePayload(DOC_JSON, DOC_SECRET, ZERO_TO_FIFTEEN)).toBe(DOC_PAYLOAD);
  });

  it("when encrypting with a random IV, then the payload is url-safe, unpadded and round-trips", () => {
    const first = encryptIframePayload(DOC_JSON, DOC_SECRET);
    const second = encryptIframePayload(DOC_JSON, DOC_SECRET);

    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decryptIframePayload(first, DOC_SECRET)).toEqual(DOC_JSON);
  });
});

describe("iframe payloads for a store", () => {
  it("when building the encrypted payload, then the app decrypts the store's working tokens with its secret", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const store = emulator.addStore({ storeId: 4242, lang: "de" });

    const payload = decryptIframePayload(emulator.encryptedPayload(4242), CLIENT_SECRET);

    expect(payload).toEqual({
      store_id: 4242,
      lang: "de",
      access_token: store.accessToken,
      view_mode: "PAGE",
      public_token: store.publicToken,
    });
  });

  it("when encrypted with another secret, then the app's decryption refuses it", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    emulator.addStore({ storeId: 4242 });

    const forged = emulator.encryptedPayload(4242, { secret: "someone-elses-secret-key" });

    expect(() => decryptIframePayload(forged, CLIENT_SECRET)).toThrow();
  });

  it("when building the hex fragment payload, then it decodes as plain JSON carrying app_state", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const store = emulator.addStore({ storeId: 4242 });

    const hex = emulator.hexFragmentPayload(4242, { appState: "orderId: 12" });

    expect(hex).toMatch(/^[0-9a-f]+$/);
    expect(decodeHexPayload(hex)).toMatchObject({ store_id: 4242, access_token: store.accessToken, app_state: "orderId: 12" });
  });

  it("when building the admin frame URL in query mode, then payload, app_state and cache-killer are query params", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    emulator.addStore({ storeId: 4242 });

    const url = new URL(emulator.adminFrameUrl(4242, "https://app.example/admin", { appState: "tab:rewards" }));

    expect(decryptIframePayload(url.searchParams.get("payload") ?? "", CLIENT_SECRET).store_id).toBe(4242);
    expect(url.searchParams.get("app_state")).toBe("tab:rewards");
    expect(url.searchParams.get("cache-killer")).toMatch(/^[0-9a-f]+$/);
  });

  it("when building the admin frame URL in fragment mode, then the hex payload is the fragment", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    emulator.addStore({ storeId: 4242 });

    const url = new URL(emulator.adminFrameUrl(4242, "https://app.example/admin", { mode: "fragment" }));

    expect(url.search).toBe("");
    expect(decodeHexPayload(url.hash.slice(1)).store_id).toBe(4242);
  });

  it("when the store is uninstalled, then no payload can be built for it", () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    emulator.addStore({ storeId: 4242 });
    emulator.uninstall(4242);

    expect(() => emulator.encryptedPayload(4242)).toThrow(/not installed/);
  });
});
