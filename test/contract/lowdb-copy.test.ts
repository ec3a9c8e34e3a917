import { describe, expect, it } from "vitest";
import { copy, copyOrNull } from "../../server/storage/lowdb/copy.js";

describe("lowdb copy", () => {
  it("when a row is copied, then the copy equals it and shares no object or list with it", () => {
    const row = { id: "m_1", points: 40, tags: ["vip", { since: "2026-01-01" }], data: { nested: { list: [1, null, "x"] } }, gone: undefined };
    const copied = copy(row);

    expect(copied).toStrictEqual(row);
    expect(copied.tags).not.toBe(row.tags);
    expect(copied.tags[1]).not.toBe(row.tags[1]);
    expect(copied.data.nested.list).not.toBe(row.data.nested.list);
    expect(Object.hasOwn(copied, "gone")).toBe(true);
  });

  it("when a row holds an own __proto__ key (as JSON.parse makes one), then the copy holds it as a key and keeps a plain prototype", () => {
    const row = JSON.parse('{"data":{"__proto__":{"polluted":true}}}') as { data: Record<string, unknown> };
    const copied = copy(row);

    expect(Object.hasOwn(copied.data, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(copied.data)).toBe(Object.prototype);
    expect((copied.data as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(copied)).toBe(JSON.stringify(row));
  });

  it("when a value is not plain JSON (a date, bytes), then it is still copied whole", () => {
    const at = new Date(1_767_225_600_000);
    const copied = copy({ at, bytes: new Uint8Array([1, 2]) });

    expect(copied.at).toBeInstanceOf(Date);
    expect(copied.at).not.toBe(at);
    expect(copied.at.getTime()).toBe(at.getTime());
    expect([...copied.bytes]).toEqual([1, 2]);
    expect(copyOrNull(undefined)).toBeNull();
  });
});
