import { describe, expect, it } from "vitest";
import { readBalanceFile } from "../../../server/modules/balance-import/balance-file.reader.js";

const linesOf = async (text: string) => (await readBalanceFile(Buffer.from(text))).rows.map((row) => row.line);

describe("reading an import file", () => {
  it("when a quoted cell spans lines, then each row is numbered by the line it starts on, whatever the line ends", async () => {
    expect(await linesOf('email,points\r\n"a\r\nb",1\r\nx@example.com,2\r\n')).toEqual([2, 4]);
    expect(await linesOf('email,points\n"a\nb",1\nx@example.com,2\n')).toEqual([2, 4]);
    expect(await linesOf('email,points\r"a\rb",1\rx@example.com,2\r')).toEqual([2, 4]);
    expect(await linesOf('\uFEFFemail,points\r\n\r\n"a\r\n\r\nb",1\r\n\r\nx@example.com,2')).toEqual([3, 7]);
  });

  it("when a character outside the BMP straddles the 64 KB chunk edge, then it is read whole", async () => {
    const head = "email,points,note\na@example.com,1,";
    const text = `${head}${"y".repeat(65535 - Buffer.byteLength(head) - 1)}😀\nb@example.com,2,😀\n`;
    expect(Buffer.byteLength(text.slice(0, text.indexOf("😀")))).toBeLessThan(65536);
    expect(Buffer.byteLength(text.slice(0, text.indexOf("😀") + 2))).toBeGreaterThan(65536);

    const file = await readBalanceFile(Buffer.from(text));

    expect(file.rows.map((row) => [row.line, row.fields[2]!.slice(-2)])).toEqual([
      [2, "😀"],
      [3, "😀"],
    ]);
  });
});
