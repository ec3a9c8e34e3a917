/**
 * Ecwid's EcwidApp SDK (CONTRACT §2.3): loaded by the page only in production. init() tells Ecwid's
 * admin the app is ready and lets it size the iframe. Absent (demo mode, blocked CDN) or failing, the
 * dashboard still works: only Ecwid's loader and auto-height are lost.
 */
export function initEcwidSdk(clientId) {
  const sdk = window.EcwidApp;
  if (!sdk || typeof sdk.init !== "function") return null;
  try {
    sdk.init({ app_id: clientId, autoloadedflag: true, autoheight: true });
    return sdk;
  } catch (error) {
    console.warn("EcwidApp.init failed; the page works without it", error);
    return null;
  }
}
