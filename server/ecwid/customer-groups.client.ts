import { z } from "zod";
import { EcwidApiError } from "./ecwid-api-error.js";
import type { EcwidClient } from "./ecwid-client.js";
import { customerGroupPageSchema, customerSchema, type EcwidCustomer, type EcwidCustomerGroup } from "./wire-types.js";

/** Ecwid's refusal for a plan without customer groups (CONTRACT §4.3, §4.8). */
export const GROUPS_UNAVAILABLE = "CUSTOMER_GROUPS_FEATURE_NOT_AVAILABLE";

export const isGroupsUnavailable = (error: unknown): boolean => error instanceof EcwidApiError && error.errorCode === GROUPS_UNAVAILABLE;

/** Ecwid's largest page (CONTRACT §4.2), and how many groups a listing reads at most. */
const PAGE = 100;
const MAX_GROUPS = 2_000;

/**
 * Customer groups and a customer's group (CONTRACT §4.7-4.8), through the client's per-store throttle, its
 * Retry-After handling and bounded retries.
 */
export class EcwidCustomerGroups {
  constructor(private readonly client: Pick<EcwidClient, "request">) {}

  /** Every group of the store, General included. */
  async list(storeId: number, token: string): Promise<EcwidCustomerGroup[]> {
    const groups: EcwidCustomerGroup[] = [];
    for (let offset = 0, total = 1; offset < total && offset < MAX_GROUPS; offset += PAGE) {
      const page = await this.client.request(storeId, token, { method: "GET", path: "/customer_groups", params: { offset, limit: PAGE }, schema: customerGroupPageSchema });
      groups.push(...page.items);
      total = page.items.length === 0 ? 0 : page.total;
    }
    return groups;
  }

  async create(storeId: number, token: string, name: string): Promise<{ id: number }> {
    // One attempt: a retried POST whose first answer was lost would make a second group of the same name.
    return this.client.request(storeId, token, {
      method: "POST",
      path: "/customer_groups",
      data: { name },
      schema: z.looseObject({ id: z.number().int().positive() }),
      maxAttempts: 1,
    });
  }

  /** The customer, or null when Ecwid has none with this id (deleted in the control panel). */
  async getCustomer(storeId: number, token: string, customerId: number): Promise<EcwidCustomer | null> {
    try {
      return await this.client.request(storeId, token, { method: "GET", path: `/customers/${customerId}`, schema: customerSchema });
    } catch (error) {
      if (error instanceof EcwidApiError && error.status === 404) return null;
      throw error;
    }
  }

  /** Puts the customer in the group (0: General); the same PUT again changes nothing, so it may be retried. */
  async setCustomerGroup(storeId: number, token: string, customerId: number, customerGroupId: number): Promise<void> {
    await this.client.request(storeId, token, {
      method: "PUT",
      path: `/customers/${customerId}`,
      data: { customerGroupId },
      schema: z.looseObject({ updateCount: z.number().int() }),
    });
  }
}
