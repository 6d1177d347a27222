import Encoding from "encoding-japanese";
import { describe, expect, it } from "vitest";
import {
  classifyBytes,
  decodeBytes,
  detectAndDecode,
  detectEncoding,
  guessLegacyEncoding,
} from "./encoding.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16le(text: string, bom = true): Uint8Array {
  const bytes = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes[(bom ? 2 : 0) + i * 2] = code & 0xff;
    bytes[(bom ? 2 : 0) + i * 2 + 1] = code >> 8;
  }
  return bytes;
}
function utf16be(text: string): Uint8Array {
  const le = utf16le(text, false);
  const be = new Uint8Array(le.length + 2);
  be.set([0xfe, 0xff]);
  for (let i = 0; i < le.length; i += 2) {
    be[2 + i] = le[i + 1]!;
    be[3 + i] = le[i]!;
  }
  return be;
}
/** "見積名,有効期限\r\n見積A,2024/01/05\r\n" as Japanese Excel (CP932) writes it. */
const CP932_SAMPLE = new Uint8Array([
  0x8c, 0xa9, 0x90, 0xcf, 0x96, 0xbc, 0x2c, 0x97, 0x4c, 0x8c, 0xf8, 0x8a, 0xfa, 0x8c, 0xc0, 0x0d, 0x0a, 0x8c,
  0xa9, 0x90, 0xcf, 0x41, 0x2c, 0x32, 0x30, 0x32, 0x34, 0x2f, 0x30, 0x31, 0x2f, 0x30, 0x35, 0x0d, 0x0a,
]);

describe("encoding detection", () => {
  it("reads byte-order marks", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).encoding).toBe("utf-8");
    expect(detectEncoding(utf16le("a,b")).encoding).toBe("utf-16le");
    expect(detectEncoding(utf16be("a,b")).encoding).toBe("utf-16be");
  });

  it("decodes UTF-16 LE with and without a BOM, and strips the BOM", () => {
    expect(detectAndDecode(utf16le("Title\tExpires\r\nA\t2024-01-01")).text).toBe(
      "Title\tExpires\r\nA\t2024-01-01",
    );
    const noBom = detectAndDecode(utf16le("Title\tExpires\r\nÄ\t2024-01-01", false));
    expect(noBom.guess.encoding).toBe("utf-16le");
    expect(noBom.text).toBe("Title\tExpires\r\nÄ\t2024-01-01");
  });

  it("takes valid UTF-8 as UTF-8 and strips its BOM", () => {
    expect(detectAndDecode(utf8("名前,値")).guess.encoding).toBe("utf-8");
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "utf-8")).toBe("a");
  });

  it("recognises CP932 bytes and decodes them without mojibake", () => {
    const { guess, text } = detectAndDecode(CP932_SAMPLE);
    expect(guess.encoding).toBe("shift_jis");
    expect(text).toBe("見積名,有効期限\r\n見積A,2024/01/05\r\n");
  });

  it("recognises CP932 with half-width katakana and NEC extensions, and a pair split at the sample's end", () => {
    const cp932 = (text: string) =>
      Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));
    const kana = "ﾃｽﾄ,数量\r\nｶﾌﾞｼｷｶﾞｲｼｬ,３\r\n";
    expect(detectAndDecode(cp932(kana))).toEqual({
      guess: { encoding: "shift_jis", bomLength: 0, reason: "japanese-pairs" },
      text: kana,
    });
    const nec = "取引先,番号\r\n㈱アクメ,①\r\n";
    expect(detectAndDecode(cp932(nec)).text).toBe(nec);
    // 64 KB of ASCII-and-kanji rows, cut so the sample ends on a lead byte: still Shift_JIS.
    const row = cp932("見積A,2026/12/31\r\n");
    const big = new Uint8Array(64 * 1024 + 1);
    for (let at = 0; at + row.length <= big.length; at += row.length) big.set(row, at);
    big[64 * 1024 - 1] = 0x8c;
    expect(guessLegacyEncoding(big)).toBe("shift_jis");
  });

  it("falls back to windows-1252 for Western legacy text", () => {
    // "Café,Müller\r\nNaïve,€5"
    const bytes = new Uint8Array([
      0x43, 0x61, 0x66, 0xe9, 0x2c, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0d, 0x0a, 0x4e, 0x61, 0xef, 0x76,
      0x65, 0x2c, 0x80, 0x35,
    ]);
    expect(guessLegacyEncoding(bytes)).toBe("windows-1252");
    expect(detectAndDecode(bytes).text).toBe("Café,Müller\r\nNaïve,€5");
    // Accented letters followed by ASCII look like Shift_JIS pairs ("ün", "äng"); they decode with gaps.
    const german = "Titel,Ablaufdatum\r\nMüller Verlängerung,31.12.2026\r\nGrüße aus Köln,01.01.2027\r\n";
    const w1252 = Uint8Array.from(german, (char) => char.charCodeAt(0));
    expect(detectAndDecode(w1252).text).toBe(german);
    // "äh" and "öm" decode as Shift_JIS too, "öm" into CP932's user-defined area, which no export holds.
    const swedish = "Titel,Währung\r\nÅngström AB,SEK\r\n";
    expect(detectAndDecode(Uint8Array.from(swedish, (char) => char.charCodeAt(0))).text).toBe(swedish);
  });

  it("tells text from binary and Excel workbooks", () => {
    expect(classifyBytes(utf8("a,b\n1,2"))).toEqual({ kind: "text" });
    expect(classifyBytes(utf16le("a\tb"))).toEqual({ kind: "text" });
    expect(classifyBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toEqual({
      kind: "excel",
      format: "xlsx",
    });
    expect(classifyBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({ kind: "excel", format: "xls" });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(classifyBytes(png)).toEqual({ kind: "binary" });
  });
});
