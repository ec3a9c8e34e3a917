import { describe, expect, it } from "vitest";
import { statementBatcher } from "../../server/storage/postgres/statement-batcher.js";

/** A batcher over a fake database whose statements end only when the test says so. */
function heldBatcher(maxInFlight: number, failMany = false) {
  const statements: { inputs: string[]; end: () => void }[] = [];
  const hold = (inputs: string[]) => new Promise<void>((resolve) => statements.push({ inputs, end: resolve }));
  const answer = (input: string) => {
    if (input.startsWith("bad")) throw new Error(`${input} refused`);
    return `done ${input}`;
  };
  const call = statementBatcher<string, string>({
    key: (input) => input.split("#")[0]!,
    one: async (input) => {
      await hold([input]);
      return answer(input);
    },
    many: async (inputs) => {
      await hold(inputs);
      if (failMany) throw new Error("the shared statement failed");
      return inputs.map(answer);
    },
    maxInFlight,
    maxBatch: 3,
  });
  return { call, statements };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("statement batcher", () => {
  it("when calls are made in one turn of the event loop, then they share one statement sent at the end of that turn", async () => {
    const { call, statements } = heldBatcher(2);
    const answers = ["a", "b"].map(call);
    expect(statements).toEqual([]);
    await settle();
    expect(statements.map((s) => s.inputs)).toEqual([["a", "b"]]);
    statements[0]!.end();
    expect(await Promise.all(answers)).toEqual(["done a", "done b"]);
  });

  it("when a call comes alone while a slot is free, then it goes in its turn without waiting for the statement in flight", async () => {
    const { call, statements } = heldBatcher(2);
    const first = call("a");
    await settle();
    const second = call("b");
    await settle();
    expect(statements.map((s) => s.inputs)).toEqual([["a"], ["b"]]);
    statements[1]!.end();
    expect(await second).toBe("done b");
    statements[0]!.end();
    expect(await first).toBe("done a");
  });

  it("when calls arrive while the statements in flight are at the limit, then they wait and share the next statements, each answered its own result", async () => {
    const { call, statements } = heldBatcher(1);
    const answers = ["a", "b", "c", "d", "e", "f", "g"].map(call);
    await settle();
    expect(statements.map((s) => s.inputs)).toEqual([["a", "b", "c"]]);

    statements[0]!.end();
    await settle();
    expect(statements.map((s) => s.inputs)).toEqual([
      ["a", "b", "c"],
      ["d", "e", "f"],
    ]);
    statements[1]!.end();
    await settle();
    expect(statements[2]!.inputs).toEqual(["g"]);
    statements[2]!.end();

    expect(await Promise.all(answers)).toEqual(["done a", "done b", "done c", "done d", "done e", "done f", "done g"]);
  });

  it("when two waiting calls share a key, then they go in different statements, in the order they came", async () => {
    const { call, statements } = heldBatcher(1);
    const answers = ["k#1", "k#2", "b"].map(call);
    await settle();
    expect(statements[0]!.inputs).toEqual(["k#1", "b"]);
    statements[0]!.end();
    await settle();
    expect(statements[1]!.inputs).toEqual(["k#2"]);
    statements[1]!.end();
    expect(await Promise.all(answers)).toEqual(["done k#1", "done k#2", "done b"]);
  });

  it("when a shared statement fails, then each of its calls is tried alone and only the bad one fails", async () => {
    const { call, statements } = heldBatcher(1, true);
    const good = call("a");
    const bad = call("bad");
    await settle();
    expect(statements[0]!.inputs).toEqual(["a", "bad"]);
    statements[0]!.end();
    await settle();
    expect(statements.slice(1).map((s) => s.inputs)).toEqual([["a"], ["bad"]]);
    for (const statement of statements.slice(1)) statement.end();

    expect(await good).toBe("done a");
    await expect(bad).rejects.toThrow("bad refused");
  });
});
