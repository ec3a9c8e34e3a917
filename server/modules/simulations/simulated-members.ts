import type { Member, MemberRepository } from "../members/member.js";

/**
 * The members a replay creates, held in Maps, so `findOrCreateMember` (the rule webhooks use) decides who placed
 * each simulated order: a customer id wins, a guest is matched by email, and a later account links to it.
 */
export class SimulatedMembers implements Pick<MemberRepository, "findByCustomerId" | "findByEmail" | "update" | "insert"> {
  readonly #byId = new Map<string, Member>();
  readonly #byCustomer = new Map<number, string>();
  readonly #byEmail = new Map<string, string>();

  async findByCustomerId(_storeId: number, customerId: number): Promise<Member | null> {
    return this.#of(this.#byCustomer.get(customerId));
  }

  async findByEmail(_storeId: number, email: string): Promise<Member | null> {
    return this.#of(this.#byEmail.get(email));
  }

  async insert(_storeId: number, member: Member): Promise<void> {
    this.#index(member);
  }

  async update(_storeId: number, member: Member): Promise<void> {
    this.#index(member);
  }

  #of(id: string | undefined): Member | null {
    return id === undefined ? null : (this.#byId.get(id) ?? null);
  }

  #index(member: Member): void {
    this.#byId.set(member.id, member);
    if (member.customerId !== null) this.#byCustomer.set(member.customerId, member.id);
    if (member.email !== null) this.#byEmail.set(member.email, member.id);
  }
}
