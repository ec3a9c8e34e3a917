import { describe, expect, it } from "vitest";
import { Table } from "../../server/storage/lowdb/table.js";
import { UndoLog } from "../../server/storage/lowdb/undo-log.js";

interface Row {
  id: string;
  email: string | null;
  owner: string;
  note: string;
}

const aRow = (id: string, fields: Partial<Row> = {}): Row => ({ id, email: null, owner: "ann", note: "", ...fields });
const rowTable = (rows: Row[]) =>
  new Table(rows, {
    what: "row",
    key: (row) => row.id,
    unique: { email: { key: (row) => row.email, message: (email) => `email ${email} is taken` } },
    groups: { owner: (row) => row.owner },
  });

/** The generic lowdb table every simple store table is declared with: keys, indexes, undo and copies. */
describe("lowdb table", () => {
  it("when rows are loaded, then they are found by key, unique index and group, in row order", () => {
    const table = rowTable([aRow("a", { email: "a@x" }), aRow("b", { owner: "bob" }), aRow("c")]);

    expect(table.get("b")?.owner).toBe("bob");
    expect(table.findBy("email", "a@x")?.id).toBe("a");
    expect(table.group("owner", "ann").map((row) => row.id)).toEqual(["a", "c"]);
    expect(table.get("zz")).toBeNull();
  });

  it("when a second row takes a unique value or a key already used, then it is refused and nothing changes", () => {
    const rows = [aRow("a", { email: "a@x" })];
    const table = rowTable(rows);
    const undo = new UndoLog();

    expect(() => table.insert(aRow("b", { email: "a@x" }), undo)).toThrow("email a@x is taken");
    expect(() => table.insert(aRow("a"), undo)).toThrow("row a already exists");
    expect(() => table.replace(aRow("zz"), undo)).toThrow("row zz not found");
    expect(rows).toEqual([aRow("a", { email: "a@x" })]);
    expect(undo.changed).toBe(false);
  });

  it("when changes are rolled back, then rows and every index are as before", () => {
    const rows = [aRow("a", { email: "a@x" }), aRow("b")];
    const before = structuredClone(rows);
    const table = rowTable(rows);
    const undo = new UndoLog();

    table.insert(aRow("c", { email: "c@x", owner: "bob" }), undo);
    table.save(aRow("a", { email: "new@x", owner: "bob" }), undo);
    table.retain((row) => row.id !== "b", undo);
    expect(table.group("owner", "bob").map((row) => row.id)).toEqual(["a", "c"]);
    expect(table.findBy("email", "a@x")).toBeNull();
    undo.rollback();

    expect(rows).toEqual(before);
    expect(table.findBy("email", "a@x")?.id).toBe("a");
    expect(table.findBy("email", "c@x")).toBeNull();
    expect(table.group("owner", "ann").map((row) => row.id)).toEqual(["a", "b"]);
    expect(table.group("owner", "bob")).toEqual([]);
  });

  it("when a caller changes a row it put in or got out, then the stored row does not change", () => {
    const rows: Row[] = [];
    const table = rowTable(rows);
    const written = aRow("a", { note: "kept" });
    table.insert(written, new UndoLog());
    written.note = "changed after insert";
    const read = table.get("a")!;
    read.note = "changed after get";
    table.group("owner", "ann")[0]!.note = "changed after group";
    table.page({ limit: 10, offset: 0 }).items[0]!.note = "changed after page";

    expect(rows[0]?.note).toBe("kept");
  });

  it("when a row is saved again, then it keeps its place in row order and its groups", () => {
    const table = rowTable([aRow("a"), aRow("b"), aRow("c")]);
    table.save(aRow("a", { note: "again" }), new UndoLog());

    expect(table.group("owner", "ann").map((row) => row.id)).toEqual(["a", "b", "c"]);
    expect(table.newest(2).map((row) => row.id)).toEqual(["c", "b"]);
    expect(table.page({ limit: 1, offset: 1 }, (row) => row.id !== "b")).toEqual({ total: 2, items: [aRow("c")] });
  });
});
