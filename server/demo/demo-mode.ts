import { Router } from "express";
import { createEcwidEmulator, seedDemoShop, type EcwidEmulator } from "../ecwid-emulator/index.js";
import type { Container } from "../container.js";
import type { DemoClock } from "./demo-clock.js";
import { bookDemoOrders } from "./demo-order-booking.js";
import { demoOutboxRoutes } from "./demo-outbox.routes.js";
import { demoOrdersRoutes } from "./demo-orders.routes.js";
import { demoPageRoutes, type DemoPagesDeps } from "./demo-pages.routes.js";
import { demoStoreRoutes } from "./demo-store.routes.js";
import { DEMO_PROGRAM } from "./demo-program.js";

export interface DemoMode {
  routers: Router[];
  /** The Ecwid the demo shop lives in: place orders and send webhooks through it. */
  emulator: EcwidEmulator;
  /** Installs the demo store and books its orders, over HTTP: the emulator is served by this same app. */
  afterListen(): Promise<void>;
  /** Prints the two demo addresses; called last, so they end the start's output where a newcomer looks. */
  announce(): void;
}

/**
 * Demo mode: no Ecwid credentials, so the app runs against the built-in Ecwid emulator mounted at
 * /demo/ecwid (where config points apiUrl and oauthUrl) with a seeded shop, plus the demo pages.
 * `clock`: the container's clock (made with createDemoClock), which books the seeded orders when they were paid.
 */
export async function createDemoMode(container: Container, clock: DemoClock): Promise<DemoMode> {
  const { config, installs, storage, reconciler, settings, outbox } = container;
  const log = container.logger.child({ component: "demo" });
  // Checkouts in the demo storefront and changes in the demo control panel reach the app as Ecwid's signed webhooks.
  const emulator = createEcwidEmulator({ clientId: config.ecwid.clientId, clientSecret: config.ecwid.clientSecret, webhookUrl: `${config.baseUrl}/webhooks/ecwid` });
  // Referral links send friends to the shop's storefront: here, the demo storefront page.
  const shop = seedDemoShop(emulator, { storeUrl: `${config.baseUrl}/demo/store` });

  const ecwid = Router();
  ecwid.use("/demo/ecwid", emulator.router);
  const pagesDeps: DemoPagesDeps = {
    emulator,
    storeId: shop.storeId,
    baseUrl: config.baseUrl,
    storeName: async () => (await storage.installs.get(shop.storeId))?.storeName ?? `Store ${shop.storeId}`,
  };
  const urls = { admin: `${config.baseUrl}/demo/admin`, store: `${config.baseUrl}/demo/store` };

  return {
    routers: [ecwid, demoPageRoutes(pagesDeps), demoStoreRoutes(pagesDeps), demoOrdersRoutes(pagesDeps), ...(outbox ? [demoOutboxRoutes(outbox)] : [])],
    emulator,
    async afterListen() {
      if (!(await installs.holdsToken(shop.storeId, shop.accessToken))) {
        await installs.recordToken({ storeId: shop.storeId, accessToken: shop.accessToken, publicToken: shop.publicToken ?? null, scopes: config.ecwid.scopes });
      }
      if (!(await storage.read(shop.storeId, (tx) => tx.settings.get(shop.storeId)))) {
        await settings.update(shop.storeId, DEMO_PROGRAM, "demo");
      }
      const booked = await bookDemoOrders({ storage, reconciler, clock }, shop.storeId, emulator.getOrders(shop.storeId));
      log.info({ storeId: shop.storeId, ordersBooked: booked }, "demo shop ready");
    },
    announce() {
      container.logger.info(`Demo control panel, the merchant's side: ${urls.admin}`);
      container.logger.info(`Demo storefront, the shopper's side: ${urls.store}`);
    },
  };
}
