import { describe, expect, it } from "vitest";
import { presentAuditEntry } from "../../server/modules/audit/audit-labels.rules.js";
import type { AuditEntry } from "../../server/modules/audit/audit-entry.js";
import { diffValues, programChanges } from "../../server/modules/settings/program-diff.rules.js";
import { defaultProgramSettings, programSettingsSchema, type ProgramSettingsInput } from "../../server/modules/settings/program-settings.js";
import { matchesVersion, versionOf } from "../../server/modules/settings/program-version.rules.js";

const program = (input: Partial<ProgramSettingsInput> = {}) => programSettingsSchema.parse({ ...defaultProgramSettings(2), ...input });
const badge = (id: string, name: string, target = 1) => ({ id, name, description: "", icon: "star" as const, goal: { kind: "orders" as const, target } });

const entry = (action: string, subject: string, details: Record<string, unknown>): AuditEntry => ({
  id: "aud_1",
  storeId: 1,
  actor: "owner@shop.example",
  action,
  subject,
  details,
  createdAt: "2026-03-01T10:00:00.000Z",
});

describe("program changes", () => {
  it("when items keep their ids but change places, then the reorder is one change of the list, and no item is changed", () => {
    const before = program({ badges: [badge("bd_a", "A"), badge("bd_b", "B")] });
    const after = program({ badges: [badge("bd_b", "B"), badge("bd_a", "A")] });
    expect(programChanges(before, after)).toEqual({
      changes: [{ path: ["badges"], before: ["bd_a", "bd_b"], after: ["bd_b", "bd_a"] }],
      touched: [{ part: "badges", change: "changed" }],
    });
  });

  it("when an item is added in front of others, then only the addition is a change", () => {
    const before = program({ badges: [badge("bd_a", "A")] });
    const after = program({ badges: [badge("bd_new", "New"), badge("bd_a", "A")] });
    expect(programChanges(before, after).changes).toEqual([{ path: ["badges", "bd_new"], after: badge("bd_new", "New") }]);
  });

  it("when values are lists without ids or keys come and go, then they change as a whole or by key", () => {
    expect(diffValues({ statuses: ["PAID"], nl: { a: "x" } }, { statuses: ["PAID", "CUSTOM"], nl: { b: "y" } })).toEqual([
      { path: ["statuses"], before: ["PAID"], after: ["PAID", "CUSTOM"] },
      { path: ["nl", "a"], before: "x" },
      { path: ["nl", "b"], after: "y" },
    ]);
    expect(diffValues({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe("versions", () => {
  it("when If-Match is absent, *, a list holding the current tag, or another tag, then the write may go ahead accordingly", () => {
    const current = versionOf({ a: 1 });
    expect(versionOf({ a: 1 })).toBe(current);
    expect(versionOf({ a: 2 })).not.toBe(current);
    expect(matchesVersion(undefined, current)).toBe(true);
    expect(matchesVersion("*", current)).toBe(true);
    expect(matchesVersion(`"old", ${current}`, current)).toBe(true);
    expect(matchesVersion(`W/${current}`, current)).toBe(false);
    expect(matchesVersion('"old"', current)).toBe(false);
    expect(matchesVersion("*", null)).toBe(false);
  });
});

describe("audit labels", () => {
  it("when an entry is about a member, then the label names them by email, or by id when the member is gone", () => {
    const adjusted = entry("points.adjusted", "mem_abc", { points: 50, reason: "sorry" });
    expect(presentAuditEntry(adjusted, { id: "mem_abc", email: "ana@example.com" })).toMatchObject({
      label: "Points adjusted by +50 for ana@example.com",
      member: { id: "mem_abc", email: "ana@example.com" },
    });
    expect(presentAuditEntry(entry("points.clawback_shortfall", "mem_abc", { shortfall: 30 }), null).label).toBe("Clawback shortfall of 30 points for member mem_abc");
  });

  it("when a program entry was written before edits were diffs (whole program before and after), then its changes and label are worked out", () => {
    const before = program();
    const after = program({ badges: [badge("bd_a", "Explorer")], earning: { ...before.earning, points: 2 } });
    const view = presentAuditEntry(entry("settings.updated", "program", { before, after }), null);
    expect(view.label).toBe("Program changed: Earning rule changed, Badge 'Explorer' added");
    expect(view.details).toEqual({
      changes: [
        { path: ["earning", "points"], where: "Earning rule › points", before: 1, after: 2 },
        { path: ["badges", "bd_a"], where: "Badge 'Explorer'", after: badge("bd_a", "Explorer") },
      ],
      touched: [
        { part: "earning", change: "changed" },
        { part: "badges", id: "bd_a", name: "Explorer", change: "added" },
      ],
    });
  });

  it("when a program edit changes a named item's field and a part's field, then each change says where in words, never by id", () => {
    const before = program({ badges: [badge("bd_a", "Explorer")] });
    const after = program({ badges: [badge("bd_a", "Explorer", 3)], theme: { ...before.theme, primaryColor: "#2f6f4f" } });
    const view = presentAuditEntry(entry("settings.updated", "program", programChanges(before, after)), null);
    expect((view.details as { changes: { where: string }[] }).changes.map((change) => change.where)).toEqual(["Badge 'Explorer' › goal › target", "Widget look › primary color"]);
  });

  it("when a save touches more than three things, then the label names three and counts the rest", () => {
    const before = program();
    const after = program({ badges: ["A", "B", "C", "D", "E"].map((name) => badge(`bd_${name.toLowerCase()}`, name)) });
    expect(presentAuditEntry(entry("settings.updated", "program", programChanges(before, after)), null).label).toBe(
      "Program changed: Badge 'A' added, Badge 'B' added, Badge 'C' added and 2 more",
    );
  });
});
