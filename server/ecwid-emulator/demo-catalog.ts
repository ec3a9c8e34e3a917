import type { CategoryInit, ProductInit } from "./catalog-types.js";
import { productArt } from "./demo-product-art.js";
import type { EcwidEmulator } from "./emulator.js";

const CATEGORIES = {
  trail: { id: 172786201, name: "Trail", nameTranslated: { nl: "Trail", de: "Trail", nb: "Sti" }, orderBy: 10 },
  camp: { id: 172786202, name: "Camp", nameTranslated: { nl: "Kamperen", de: "Camping", nb: "Leir" }, orderBy: 20 },
  kitchen: { id: 172786203, name: "Kitchen", nameTranslated: { nl: "Keuken", de: "Küche", nb: "Kjøkken" }, orderBy: 30 },
  footwear: { id: 172786204, name: "Footwear", nameTranslated: { nl: "Schoenen", de: "Schuhe", nb: "Sko" }, orderBy: 10, parentId: 172786201 },
} satisfies Record<string, CategoryInit & { id: number }>;

const { trail, camp, kitchen, footwear } = CATEGORIES;

/** The demo shop's products; the seeded orders buy these, so their ids, names and prices are the orders' too. */
export const DEMO_PRODUCTS = {
  shoes: {
    id: 700101,
    name: "Trail Runner Shoes",
    nameTranslated: { nl: "Trailrunschoenen", de: "Trailrunning-Schuhe", nb: "Terrengløpesko" },
    price: 129,
    sku: "TRS-42",
    categoryIds: [footwear.id, trail.id],
    imageUrl: productArt("shoe", "#f5e6da", "#e9cdb6"),
  },
  socks: {
    id: 700102,
    name: "Merino Wool Socks",
    nameTranslated: { nl: "Merino sokken", de: "Merinosocken", nb: "Ullsokker i merino" },
    price: 18.5,
    sku: "MWS-M",
    categoryIds: [footwear.id, trail.id],
    imageUrl: productArt("socks", "#efe4f3", "#d9c4e3"),
  },
  tent: {
    id: 700103,
    name: "Ultralight Tent 2P",
    nameTranslated: { nl: "Ultralichte tent 2P", de: "Ultraleichtzelt 2P", nb: "Ultralett telt 2P" },
    price: 349.99,
    sku: "ULT-2P",
    categoryIds: [camp.id],
    imageUrl: productArt("tent", "#e7efe4", "#c9dcc3"),
  },
  headlamp: {
    id: 700104,
    name: "Headlamp 400lm",
    nameTranslated: { nl: "Hoofdlamp 400lm", de: "Stirnlampe 400lm", nb: "Hodelykt 400lm" },
    price: 39.95,
    sku: "HL-400",
    categoryIds: [camp.id, trail.id],
    imageUrl: productArt("lamp", "#f6efd6", "#ead9a2"),
  },
  bottle: {
    id: 700105,
    name: "Insulated Water Bottle",
    nameTranslated: { nl: "Thermosfles", de: "Isolierflasche", nb: "Termoflaske" },
    price: 27,
    sku: "IWB-750",
    categoryIds: [camp.id, kitchen.id],
    imageUrl: productArt("bottle", "#dcefee", "#b5dcda"),
  },
  jacket: {
    id: 700106,
    name: "Rain Shell Jacket",
    nameTranslated: { nl: "Regenjas", de: "Regenjacke", nb: "Regnjakke" },
    price: 189,
    sku: "RSJ-L",
    categoryIds: [trail.id],
    imageUrl: productArt("jacket", "#e1e9f1", "#c2d3e4"),
  },
  trailMix: {
    id: 700107,
    name: "Trail Mix Sampler",
    nameTranslated: { nl: "Studentenhaver proefset", de: "Studentenfutter-Probierset", nb: "Turmiks smakssett" },
    price: 12.99,
    sku: "TMS-6",
    categoryIds: [kitchen.id],
    imageUrl: productArt("bag", "#f3e7d3", "#e3c79d"),
  },
  mug: {
    id: 700108,
    name: "Enamel Camp Mug",
    nameTranslated: { nl: "Emaille mok", de: "Emaille-Becher", nb: "Emaljekopp" },
    price: 14.5,
    sku: "ECM-12",
    categoryIds: [kitchen.id],
    imageUrl: productArt("mug", "#e9ecef", "#ccd3da"),
  },
  parka: {
    id: 700109,
    name: "Down Parka",
    nameTranslated: { nl: "Donsparka", de: "Daunenparka", nb: "Dunparkas" },
    description: "Back in the autumn.",
    price: 279,
    sku: "DPK-M",
    categoryIds: [trail.id],
    enabled: false,
    imageUrl: productArt("jacket", "#ece6f5", "#cfc4e6"),
  },
} satisfies Record<string, ProductInit & { id: number; sku: string }>;

/** Four categories (Footwear inside Trail) and nine products, one of them not for sale yet. */
export function seedDemoCatalog(emulator: EcwidEmulator, storeId: number): void {
  for (const category of Object.values(CATEGORIES)) emulator.putCategory(storeId, category);
  for (const product of Object.values(DEMO_PRODUCTS)) emulator.putProduct(storeId, product);
}
