import { EcwidApiError } from "../../ecwid/ecwid-api-error.js";
import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import { AppError } from "../../lib/errors.js";
import { toMinorUnits } from "../../lib/money.js";
import type { InstallService } from "../stores/install.service.js";
import { keywordFor, toCategoryList, toProductPage, type CatalogCategoryList, type CatalogProductPage, type CategoryQuery, type ProductQuery } from "./catalog.js";

const CATALOG_SCOPE = "read_catalog";
/** Ecwid's largest page (CONTRACT §4.12), and how many categories a check lists at most. */
const PAGE = 100;
const MAX_CATEGORIES = 5_000;

export interface CatalogServiceDeps {
  ecwid: Pick<EcwidClient, "searchProducts" | "searchCategories" | "getProduct">;
  installs: Pick<InstallService, "requireActive" | "accessToken">;
  /** Starts Ecwid's authorization again with every scope the app asks for (CONTRACT §1.2). */
  grantUrl: string;
}

/** The store's products and categories for the dashboard's pickers, read from Ecwid each time. */
export class CatalogService {
  constructor(private readonly deps: CatalogServiceDeps) {}

  async products(storeId: number, query: ProductQuery): Promise<CatalogProductPage> {
    const { currencyPrecision } = await this.deps.installs.requireActive(storeId);
    const token = await this.deps.installs.accessToken(storeId);
    const search = query.ids ? { productIds: query.ids, offset: query.offset, limit: query.limit } : { keyword: keywordFor(query.q), offset: query.offset, limit: query.limit };
    return toProductPage(await this.askEcwid(() => this.deps.ecwid.searchProducts(storeId, token, search)), currencyPrecision);
  }

  async categories(storeId: number, query: CategoryQuery): Promise<CatalogCategoryList> {
    const token = await this.deps.installs.accessToken(storeId);
    const search = { keyword: keywordFor(query.q), includeHidden: true, limit: 100 };
    return toCategoryList(await this.askEcwid(() => this.deps.ecwid.searchCategories(storeId, token, search)));
  }

  /** A product's price now in minor units, for a free-product coupon; null when the store no longer sells it. */
  async productPriceMinor(storeId: number, productId: number): Promise<number | null> {
    const { currencyPrecision } = await this.deps.installs.requireActive(storeId);
    const token = await this.deps.installs.accessToken(storeId);
    const product = await this.askEcwid(() => this.deps.ecwid.getProduct(storeId, token, productId));
    return product && product.enabled ? toMinorUnits(product.price, currencyPrecision) : null;
  }

  /**
   * Which of these ids the store's catalog does not hold. Products are searched by id, and one a search leaves out
   * is asked for alone (a search may skip disabled products); categories are listed, hidden ones included.
   */
  async missing(storeId: number, wanted: { productIds: number[]; categoryIds: number[] }): Promise<{ productIds: number[]; categoryIds: number[] }> {
    const token = await this.deps.installs.accessToken(storeId);
    const products = new Set<number>();
    for (let at = 0; at < wanted.productIds.length; at += PAGE) {
      const page = await this.askEcwid(() => this.deps.ecwid.searchProducts(storeId, token, { productIds: wanted.productIds.slice(at, at + PAGE), limit: PAGE }));
      for (const product of page.items) products.add(product.id);
    }
    const productIds: number[] = [];
    for (const id of wanted.productIds.filter((one) => !products.has(one))) {
      if (!(await this.askEcwid(() => this.deps.ecwid.getProduct(storeId, token, id)))) productIds.push(id);
    }
    if (wanted.categoryIds.length === 0) return { productIds, categoryIds: [] };
    const categories = new Set<number>();
    for (let offset = 0, total = 1; offset < total && offset < MAX_CATEGORIES; offset += PAGE) {
      const page = await this.askEcwid(() => this.deps.ecwid.searchCategories(storeId, token, { includeHidden: true, offset, limit: PAGE }));
      for (const category of page.items) categories.add(category.id);
      total = page.total;
    }
    return { productIds, categoryIds: wanted.categoryIds.filter((id) => !categories.has(id)) };
  }

  /** A store installed before Questline asked for `read_catalog` gets Ecwid's INSUFFICIENT_APP_SCOPE (CONTRACT §4.3). */
  private async askEcwid<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof EcwidApiError && error.errorCode === "INSUFFICIENT_APP_SCOPE") {
        throw new AppError("scope_missing", "Questline may not read this store's catalog yet. Allow it once in Ecwid, then try again.", {
          scope: CATALOG_SCOPE,
          grantUrl: this.deps.grantUrl,
        });
      }
      throw error;
    }
  }
}
