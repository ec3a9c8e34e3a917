import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../server/lib/errors.js";
import { parseInput, validationFailureSchema } from "../../server/lib/validation.js";

function refusal(schema: z.ZodType, input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return validationFailureSchema.parse({ code: error.code, message: error.message, ...(error.details as object) });
  }
  throw new Error("the input was accepted");
}

const goal = z.strictObject({ kind: z.enum(["orders", "spend"]), target: z.number().int().min(1).max(1000) });
const program = z.strictObject({
  title: z.string().trim().min(1).max(5),
  challenges: z.array(z.strictObject({ id: z.string().regex(/^ch_/, "must look like ch_something"), goal })),
});

describe("validation issues", () => {
  it("when the input is right, then the parsed data comes back", () => {
    expect(parseInput(program, { title: " Hi ", challenges: [] })).toEqual({ title: "Hi", challenges: [] });
  });

  it("when fields are missing, wrong, out of range or unknown, then each is an issue at its path with our code, bounds and words", () => {
    const { issues, message } = refusal(program, {
      title: "",
      challenges: [{ id: "ch_a", goal: { kind: "orders", target: 2 } }, { id: "bad", goal: { kind: "visits", target: 0, startsAt: "2026-01-01" } }, { goal: { target: 1.5 } }],
      repeat: true,
    });
    expect(issues).toEqual([
      { path: ["title"], code: "too_small", minimum: 1, unit: "characters", message: "must not be empty" },
      { path: ["challenges", 1, "id"], code: "invalid_format", message: "must look like ch_something" },
      { path: ["challenges", 1, "goal", "kind"], code: "invalid_value", message: 'must be one of "orders", "spend"' },
      { path: ["challenges", 1, "goal", "target"], code: "too_small", minimum: 1, message: "must be at least 1" },
      { path: ["challenges", 1, "goal", "startsAt"], code: "unknown_field", message: "is not a field this API knows" },
      { path: ["challenges", 2, "id"], code: "required", message: "is required" },
      { path: ["challenges", 2, "goal", "kind"], code: "required", message: "is required" },
      { path: ["challenges", 2, "goal", "target"], code: "invalid_type", message: "must be a whole number" },
      { path: ["repeat"], code: "unknown_field", message: "is not a field this API knows" },
    ]);
    expect(message).toContain("challenges.1.goal.target: must be at least 1");
  });

  it("when a bound excludes itself or caps a length, then the issue says so", () => {
    const schema = z.strictObject({ value: z.number().positive(), name: z.string().max(3), list: z.array(z.string()).max(1) });
    expect(refusal(schema, { value: 0, name: "long", list: ["a", "b"] }).issues).toEqual([
      { path: ["value"], code: "too_small", minimum: 0, exclusive: true, message: "must be more than 0" },
      { path: ["name"], code: "too_big", maximum: 3, unit: "characters", message: "must be at most 3 characters long" },
      { path: ["list"], code: "too_big", maximum: 1, unit: "items", message: "must have at most 1 item" },
    ]);
  });

  it("when one of several shapes is expected, then the issues are those of the shape the input came closest to", () => {
    const schema = z.union([z.strictObject({ payload: z.string() }), z.strictObject({ storeId: z.number(), accessToken: z.string() })]);
    expect(refusal(schema, { storeId: 5, accessToken: 7 }).issues).toEqual([{ path: ["accessToken"], code: "invalid_type", message: "must be text" }]);
    expect(refusal(schema, null).issues).toEqual([{ path: [], code: "invalid_type", message: "must be an object" }]);
  });

  it("when a rule of the schema names one of our codes, then that code is given", () => {
    const schema = z.array(z.string()).superRefine((ids, context) => {
      if (ids[0] === ids[1]) context.addIssue({ code: "custom", path: [1], message: "is already used", params: { code: "not_unique" } });
    });
    expect(refusal(schema, ["a", "a"]).issues).toEqual([{ path: [1], code: "not_unique", message: "is already used" }]);
    expect(
      refusal(
        z.string().refine((value) => value !== "x", "must not be x"),
        "x",
      ).issues,
    ).toEqual([{ path: [], code: "invalid_value", message: "must not be x" }]);
  });
});
