/** Catalog shapes Ecwid puts on the wire (CONTRACT §4.12). Prices are decimals in the store currency. */

export interface EcwidProduct {
  id: number;
  sku: string;
  name: string;
  nameTranslated: Record<string, string>;
  description: string;
  price: number;
  url: string;
  imageUrl?: string;
  thumbnailUrl?: string;
  enabled: boolean;
  inStock: boolean;
  unlimited: boolean;
  categoryIds: number[];
  defaultCategoryId: number;
  isGiftCard: boolean;
  discountsAllowed: boolean;
  options: unknown[];
  combinations: unknown[];
  created: string;
  updated: string;
  createTimestamp: number;
  updateTimestamp: number;
}

export interface EcwidCategory {
  id: number;
  /** Absent on a top-level category. */
  parentId?: number;
  orderBy: number;
  name: string;
  nameTranslated: Record<string, string>;
  url: string;
  imageUrl?: string;
  thumbnailUrl?: string;
  /** Products in the category and its subcategories. */
  productCount: number;
  enabled: boolean;
  /** Only with `productIds=true`. */
  productIds?: number[];
}

export interface ProductInit {
  id?: number;
  name: string;
  price: number;
  sku?: string;
  description?: string;
  nameTranslated?: Record<string, string>;
  /** The first is the default category; none puts the product on the store front page only. */
  categoryIds?: number[];
  enabled?: boolean;
  inStock?: boolean;
  imageUrl?: string;
  isGiftCard?: boolean;
  discountsAllowed?: boolean;
}

export interface CategoryInit {
  id?: number;
  name: string;
  parentId?: number;
  orderBy?: number;
  enabled?: boolean;
  imageUrl?: string;
  nameTranslated?: Record<string, string>;
}
