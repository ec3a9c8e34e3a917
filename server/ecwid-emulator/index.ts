export { createEcwidEmulator, type EcwidEmulator } from "./emulator.js";
export { seedDemoShop, DEMO_STORE_ID } from "./demo-seed.js";
export { encryptIframePayload, encodeHexPayload } from "./iframe-payload-encoder.js";
export { formatEcwidDate, parseEcwidDate } from "./ecwid-date.js";
export { DEFAULT_APP_SCOPES } from "./store-registry.js";
export type * from "./api-types.js";
export type * from "./wire-types.js";
export type { OrderPatch, RefundOptions } from "./order-book.js";
