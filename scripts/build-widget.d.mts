/** Types for scripts/build-widget.mjs, which tests, the bench and the screenshot script call before they run. */
export interface BuiltFile {
  path: string;
  bytes: number;
}

export function buildWidget(): Promise<{ loader: BuiltFile; panel: BuiltFile & { version: string } }>;

export function widgetStyles(): Promise<{ launcher: string; panel: string }>;
