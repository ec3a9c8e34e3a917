declare global {
  interface Window {
    EcwidApp?: { init?: (options: { app_id: string; autoloadedflag: boolean; autoheight: boolean }) => unknown };
  }
}

/**
 * Ecwid's EcwidApp SDK (CONTRACT §2.3): loaded by the page only in production. init() tells Ecwid's admin the
 * app is ready and lets it size the iframe. Absent (demo mode, blocked CDN) or failing, the dashboard still
 * works: only Ecwid's loader and auto-height are lost.
 */
export function initEcwidSdk(clientId: string): void {
  try {
    window.EcwidApp?.init?.({ app_id: clientId, autoloadedflag: true, autoheight: true });
  } catch {
    // Nothing to do: the page works without it.
  }
}
