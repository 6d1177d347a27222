import { describe, expect, it } from "vitest";
import { encodeCp932 } from "./cp932.ts";

const decode = (bytes: Uint8Array) => new TextDecoder("shift_jis", { fatal: true }).decode(bytes);

describe("CP932 for Japanese Excel", () => {
  it("writes Japanese, half-width katakana and CP932's own characters as the bytes Excel reads", () => {
    const text = "行,タイトル,結果\r\n1,株式会社サンプル 見積もり①㈱髙﨑,作成済み\r\n2,ｶﾀｶﾅ ～,失敗\r\n";
    const { bytes, unmappable } = encodeCp932(text);
    expect(unmappable).toEqual([]);
    expect(decode(bytes)).toBe(text);
    // 行 is 0x8D73 in Shift_JIS: real two-byte text, not UTF-8.
    expect([...bytes.slice(0, 2)]).toEqual([0x8d, 0x73]);
  });

  it("reports what it cannot hold, each character once, and writes '?' for them", () => {
    const { bytes, unmappable } = encodeCp932("東京🙂,€5,🙂,𠮷野家,é");
    expect(unmappable).toEqual(["🙂", "€", "𠮷", "é"]);
    expect(decode(bytes)).toBe("東京?,?5,?,?野家,?");
  });
});
