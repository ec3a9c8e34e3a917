import { Router } from "express";
import type { EcwidEmulator } from "../ecwid-emulator/index.js";
import { CONTROL_PANEL_MENU, CONTROL_PANEL_PAGES } from "./control-panel-menu.js";

export interface DemoPagesDeps {
  emulator: EcwidEmulator;
  storeId: number;
  baseUrl: string;
  storeName(): Promise<string>;
}

const DEMO_LINKS = [
  {
    href: "/demo/admin",
    title: "Demo control panel",
    text: "The merchant's dashboard as Ecwid shows it: the app page in Ecwid's admin iframe, opened with the encrypted payload.",
  },
  {
    href: "/demo/admin?form=hex",
    title: "Demo control panel, legacy payload",
    text: "The same page opened the older way, with the store's details in a hex-encoded URL fragment.",
  },
  {
    href: "/demo/store",
    title: "Demo storefront",
    text: "The shop's storefront with the Questline widget, loaded the way Ecwid loads an app's script: buy something as a guest or a signed-in customer, and switch the language in its top bar.",
  },
  {
    href: "/demo/admin/orders",
    title: "Orders in the demo control panel",
    text: "The shop's orders: mark one paid, refund part or all of it, or cancel it, and Ecwid's signed webhook moves the shopper's points.",
  },
  { href: "/demo/outbox", title: "Email outbox", text: "The emails demo mode would send: sign-in codes, rewards issued, points expiring; their unsubscribe links work." },
  { href: "/readyz", title: "Readiness", text: "Whether the app and its storage answer." },
];

/** GET /demo (index) and /demo/admin (a stand-in for Ecwid's control panel framing /admin). */
export function demoPageRoutes(deps: DemoPagesDeps): Router {
  const router = Router();

  router.get("/demo", async (_req, res) => {
    res.render("demo/index", { storeName: await deps.storeName(), storeId: deps.storeId, links: DEMO_LINKS });
  });

  router.get("/demo/admin", async (req, res) => {
    const form = req.query.form === "hex" ? "hex" : "query";
    // Built the way Ecwid loads an app page, then made relative so the frame stays same-origin
    // whichever host name the visitor used.
    const frame = new URL(deps.emulator.adminFrameUrl(deps.storeId, `${deps.baseUrl}/admin`, { mode: form === "hex" ? "fragment" : "query" }));
    res.set("Cache-Control", "no-store");
    res.render("demo/admin", {
      storeName: await deps.storeName(),
      form,
      frameSrc: frame.pathname + frame.search + frame.hash,
      menu: CONTROL_PANEL_MENU,
      pages: CONTROL_PANEL_PAGES,
      current: "/demo/admin",
    });
  });

  return router;
}
