import { conflict, notFound } from "../../lib/errors.js";
import { normaliseEmail, type Member, type MemberQuery } from "../../modules/members/member.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's members in creation order, indexed by id, normalised email and customer id. */
export class MemberTable {
  readonly #position = new Map<string, number>();
  readonly #byEmail = new Map<string, string>();
  readonly #byCustomerId = new Map<number, string>();

  constructor(private readonly rows: Member[]) {
    rows.forEach((member, index) => {
      this.#position.set(member.id, index);
      this.#indexKeys(member);
    });
  }

  get(memberId: string): Member | undefined {
    const index = this.#position.get(memberId);
    return index === undefined ? undefined : this.rows[index];
  }

  findByEmail(email: string): Member | undefined {
    const id = this.#byEmail.get(normaliseEmail(email));
    return id === undefined ? undefined : this.get(id);
  }

  findByCustomerId(customerId: number): Member | undefined {
    const id = this.#byCustomerId.get(customerId);
    return id === undefined ? undefined : this.get(id);
  }

  list(query: MemberQuery): { total: number; items: Member[] } {
    const prefix = query.email === undefined ? null : normaliseEmail(query.email);
    const matching = prefix ? this.rows.filter((member) => member.email !== null && normaliseEmail(member.email).startsWith(prefix)) : this.rows;
    return { total: matching.length, items: matching.slice(query.offset, query.offset + query.limit) };
  }

  insert(member: Member, undo: UndoRecorder): void {
    if (this.#position.has(member.id)) throw conflict(`member ${member.id} already exists`);
    this.#checkKeysFree(member);
    this.#position.set(member.id, this.rows.length);
    this.rows.push(member);
    this.#indexKeys(member);
    undo.record(() => {
      this.#unindexKeys(member);
      this.rows.pop();
      this.#position.delete(member.id);
    });
  }

  /** Replaces the member's row; the caller decides which fields may change. */
  replace(next: Member, undo: UndoRecorder): void {
    const index = this.#position.get(next.id);
    const previous = index === undefined ? undefined : this.rows[index];
    if (index === undefined || !previous) throw notFound(`member ${next.id} not found`);
    this.#checkKeysFree(next);
    this.#unindexKeys(previous);
    this.rows[index] = next;
    this.#indexKeys(next);
    undo.record(() => {
      this.#unindexKeys(next);
      this.rows[index] = previous;
      this.#indexKeys(previous);
    });
  }

  #checkKeysFree(member: Member): void {
    const emailOwner = member.email === null ? undefined : this.#byEmail.get(normaliseEmail(member.email));
    if (emailOwner !== undefined && emailOwner !== member.id) throw conflict("another member already has this email");
    const customerOwner = member.customerId === null ? undefined : this.#byCustomerId.get(member.customerId);
    if (customerOwner !== undefined && customerOwner !== member.id) throw conflict(`another member already has customer id ${member.customerId}`);
  }

  #indexKeys(member: Member): void {
    if (member.email !== null) this.#byEmail.set(normaliseEmail(member.email), member.id);
    if (member.customerId !== null) this.#byCustomerId.set(member.customerId, member.id);
  }

  #unindexKeys(member: Member): void {
    if (member.email !== null) this.#byEmail.delete(normaliseEmail(member.email));
    if (member.customerId !== null) this.#byCustomerId.delete(member.customerId);
  }
}
