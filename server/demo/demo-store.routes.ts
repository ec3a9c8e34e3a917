import express, { Router } from "express";
import { z } from "zod";
import { ActionRefused, type EcwidProduct } from "../ecwid-emulator/index.js";
import { parseInput } from "../http/validate.js";
import { conflict } from "../lib/errors.js";
import { resolveLanguage } from "../modules/i18n/language.js";
import type { DemoPagesDeps } from "./demo-pages.routes.js";
import { formatDollars } from "./order-cards.js";

const checkoutRequest = z.object({
  email: z.email().max(254),
  items: z
    .array(z.object({ productId: z.number().int().positive(), quantity: z.number().int().min(1).max(99) }))
    .min(1)
    .max(50),
  payment: z.enum(["card", "transfer"]),
  /** The storefront's logged-in customer places the order; otherwise it is a guest checkout. */
  signedIn: z.boolean().default(false),
  coupon: z.string().trim().max(64).default(""),
  lang: z.string().max(10).optional(),
  /** The page's `ec.order.extraFields` values (CONTRACT §5.3; Ecwid keeps values of 255 characters at most), e.g. a friend's `questline_ref`. */
  extraFields: z
    .record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.string().max(255))
    .refine((fields) => Object.keys(fields).length <= 20, "at most 20 fields")
    .default({}),
});

const nameIn = (product: EcwidProduct, lang: string): string => product.nameTranslated[lang] ?? product.name;

/**
 * GET /demo/store: the demo shop's storefront, its products read from the emulator's catalog (by category with
 * `?category=`, named in `?lang=`). POST /demo/store/checkout: the storefront's checkout, where the emulator makes
 * the order and sends Questline the signed `order.created`, as Ecwid does.
 */
export function demoStoreRoutes(deps: DemoPagesDeps): Router {
  const router = Router();

  router.get("/demo/store", async (req, res) => {
    const lang = resolveLanguage(req.query.lang);
    const categories = deps.emulator
      .getCategories(deps.storeId)
      .filter((c) => c.enabled && c.parentId === undefined)
      .map((c) => ({ id: c.id, name: c.nameTranslated[lang] ?? c.name }));
    const category = categories.find((c) => String(c.id) === req.query.category) ?? null;
    const products = deps.emulator
      .getProducts(deps.storeId)
      .filter((p) => p.enabled && (!category || p.categoryIds.includes(category.id)))
      .map((p) => ({ id: p.id, name: nameIn(p, lang), price: p.price, priceText: formatDollars(p.price), imageUrl: p.imageUrl ?? "" }));
    res.render("demo/store", { storeName: await deps.storeName(), storeId: deps.storeId, lang, categories, category, products });
  });

  router.post("/demo/store/checkout", express.json({ limit: "16kb" }), async (req, res) => {
    const input = parseInput(checkoutRequest, req.body);
    try {
      const { order, webhook } = await deps.emulator.storefront.checkout(deps.storeId, {
        email: input.email,
        ...(input.signedIn ? {} : { customerId: null }),
        items: input.items,
        paymentStatus: input.payment === "card" ? "PAID" : "AWAITING_PAYMENT",
        ...(input.coupon ? { couponCode: input.coupon } : {}),
        ...(Object.keys(input.extraFields).length > 0 ? { extraFields: input.extraFields } : {}),
        lang: resolveLanguage(input.lang),
      });
      res.status(201).json({
        order: {
          id: order.id,
          internalId: order.internalId,
          email: order.email,
          paymentStatus: order.paymentStatus,
          subtotal: order.subtotal,
          discount: order.discount,
          total: order.total,
          totalText: formatDollars(order.total),
          items: order.items.map(({ productId, name, sku, price, quantity }) => ({ productId, name, sku, price, quantity })),
        },
        webhook: webhook?.status ?? null,
      });
    } catch (error) {
      if (error instanceof ActionRefused) throw conflict(`${error.message}.`);
      throw error;
    }
  });

  return router;
}
