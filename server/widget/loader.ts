/**
 * public/widget.js, the app's storefront script (`customJsUrl`). Waits for Ecwid's storefront API, reads
 * the program once (the browser caches it for a minute) and draws the launcher in a shadow root. Nothing
 * else loads until the shopper opens it: then public/widget-panel.js draws the panel.
 */
import { REFERRAL_EXTRA_FIELDS } from "../modules/referrals/referral-wire.js";
import { GIFT, icon } from "./icons.js";
import css from "./launcher.css";
import { rememberReferral, type RememberedReferral } from "./referral-memory.js";
import { sessionEmailKey, sessionKey } from "./session-key.js";
import { addStyles } from "./styles.js";
import { PANEL_GLOBAL, type EcwidApi, type MountPanel, type PanelHandle, type Program } from "./types.js";

/** Content hash of widget-panel.js, set by scripts/build-widget.mjs so a new panel is never mixed with an old loader. */
declare const PANEL_VERSION: string;

const TAG = "questline-widget";
const COLOUR = /^#[0-9a-f]{6}$/i;
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

type PanelWindow = Window & { Ecwid?: EcwidApi; ec?: { order?: { extraFields?: Record<string, { value: string }> } }; [PANEL_GLOBAL]?: MountPanel };
const win = window as PanelWindow;

/**
 * A friend who came through a referral link: their code rides with the order as hidden extra fields (only a
 * value: saved to the order, never shown at checkout), set once as the page loads so checkout input is never
 * redefined under the shopper (CONTRACT §5.3); the order names the ambassador even if the coupon is not typed.
 */
const referral = rememberReferral(location.search);
function setReferralFields(ecwid: EcwidApi, { code, channel }: RememberedReferral): void {
  const ec = (win.ec = win.ec || {});
  const order = (ec.order = ec.order || {});
  order.extraFields = { ...order.extraFields, [REFERRAL_EXTRA_FIELDS.code]: { value: code }, [REFERRAL_EXTRA_FIELDS.channel]: { value: channel } };
  ecwid.refreshConfig?.();
}

/** Ecwid appends the script once the storefront API object exists; a page that builds it later gets a few seconds. */
function whenEcwidLoads(start: (ecwid: EcwidApi) => void, attempt = 0): void {
  const ecwid = win.Ecwid;
  if (ecwid?.OnAPILoaded) ecwid.OnAPILoaded.add(() => start(ecwid));
  else if (attempt < 50) setTimeout(() => whenEcwidLoads(start, attempt + 1), 200);
}

let started = false;

function forgetSession(storeId: number): void {
  try {
    localStorage.removeItem(sessionKey(storeId));
    localStorage.removeItem(sessionEmailKey(storeId));
  } catch {
    // storage blocked: the panel only ever held the token in memory
  }
}

function isSomeoneElse(storeId: number, email: string): boolean {
  try {
    const proven = localStorage.getItem(sessionEmailKey(storeId));
    return proven !== null && proven !== email.trim().toLowerCase();
  } catch {
    return false;
  }
}

function start(ecwid: EcwidApi): void {
  if (started || document.querySelector(TAG)) return;
  started = true;
  if (referral) setReferralFields(ecwid, referral);
  const storeId = Number(ecwid.getOwnerId());
  if (!(storeId > 0)) return;
  // A shared computer: signing out of the shop signs the shopper out of their rewards too, and a customer
  // who logs in never sees a session proving someone else's email. Guests see null on every page and
  // keep their emailed-code session, so only a change from signed in to signed out counts as a sign-out.
  let signedIn = false;
  ecwid.OnSetProfile?.add((customer) => {
    if ((customer === null && signedIn) || (customer?.email && isSomeoneElse(storeId, customer.email))) forgetSession(storeId);
    signedIn = customer !== null;
  });
  const api = new URL(`api/storefront/${storeId}`, scriptUrl).href;
  const lang = ecwid.getStorefrontLang?.() || document.documentElement.lang || "en";
  fetch(`${api}/program?lang=${encodeURIComponent(lang)}`)
    .then((response) => (response.ok ? (response.json() as Promise<Program>) : Promise.reject()))
    // A shop whose program cannot be read shows nothing rather than a broken button.
    .then(
      (program) => render(program, api, ecwid),
      () => undefined,
    );
}

function render(program: Program, api: string, ecwid: EcwidApi): void {
  const { theme, texts } = program;
  const host = document.createElement(TAG);
  // The launcher and the panel sit on the left when the merchant chose so (the stylesheets' :host([data-left])).
  host.toggleAttribute("data-left", theme.position === "bottom-left");
  host.style.setProperty("--ql-primary", COLOUR.test(theme.primaryColor) ? theme.primaryColor : "#1f6feb");
  host.style.setProperty("--ql-on-primary", COLOUR.test(theme.textColor) ? theme.textColor : "#ffffff");
  const root = host.attachShadow({ mode: "open" });
  addStyles(root, css);

  const launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.setAttribute("aria-haspopup", "dialog");
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "ql-panel");
  const label = document.createElement("span");
  label.textContent = theme.launcherText || texts["launcher.label"] || "Rewards";
  launcher.append(icon(GIFT), label);

  const dialog = document.createElement("div");
  dialog.id = "ql-panel";
  // The shop's page may be in another language than the program's texts.
  launcher.lang = dialog.lang = program.lang;
  dialog.hidden = true;
  root.append(launcher, dialog);
  (document.body || document.documentElement).appendChild(host);
  performance.mark?.("questline:launcher");

  let panel: PanelHandle | undefined;
  let loading: Promise<MountPanel> | undefined;
  launcher.addEventListener("click", () => {
    if (panel?.isOpen) return panel.close(false);
    launcher.setAttribute("aria-busy", "true");
    (loading ??= loadPanel()).then(
      (mount) => {
        launcher.removeAttribute("aria-busy");
        panel ??= mount({ root, launcher, dialog, program, api, ecwid, referral, addStyles, icon });
        panel.open();
      },
      () => {
        launcher.removeAttribute("aria-busy");
        loading = undefined;
      },
    );
  });
}

/** The panel's mount function; refused (the next click tries again) when the script does not load or register. */
function loadPanel(): Promise<MountPanel> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(`widget-panel.js?v=${PANEL_VERSION}`, scriptUrl).href;
    script.async = true;
    script.onload = () => {
      const mount = win[PANEL_GLOBAL];
      if (mount) resolve(mount);
      else reject();
    };
    script.onerror = () => {
      script.remove();
      reject();
    };
    document.head.appendChild(script);
  });
}

whenEcwidLoads(start);
