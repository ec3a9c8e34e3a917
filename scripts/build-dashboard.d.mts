/** Types for scripts/build-dashboard.mjs, which the bench and the bundle test call before they weigh the pages. */
import type { Metafile } from "esbuild";

export function buildDashboard(): Promise<{ files: { path: string; contents: Uint8Array }[]; metafile: Metafile }>;
