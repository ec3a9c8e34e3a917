/**
 * public/widget-panel.js: loaded by the launcher the first time a shopper opens it, never before. It only
 * registers the mount function the loader calls.
 */
import { mountPanel } from "./panel-view.js";
import { PANEL_GLOBAL, type MountPanel } from "./types.js";

(window as Window & { [PANEL_GLOBAL]?: MountPanel })[PANEL_GLOBAL] = mountPanel;
