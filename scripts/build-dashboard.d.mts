/** Types for scripts/build-dashboard.mjs, which the bench calls before it weighs the bundle. */
export function buildDashboard(): Promise<{ path: string; bytes: number; contents: Uint8Array }>;
