import type { Page } from "@playwright/test";

/** Shift_JIS (CP932) encoder built by inverting the decoder: Node has none, and the bytes must be real. */
export function cp932Encoder(): (text: string) => Uint8Array {
  const decoder = new TextDecoder("shift_jis", { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead += 1) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail += 1) {
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // not a character in CP932
      }
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const char of text) {
      const code = char.charCodeAt(0);
      if (code < 0x80) bytes.push(code);
      else {
        const pair = table.get(char);
        if (!pair) throw new Error(`no CP932 bytes for ${char}`);
        bytes.push(...pair);
      }
    }
    return Uint8Array.from(bytes);
  };
}

export const utf8 = (text: string, bom = false) =>
  Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);

/** A drop as the browser delivers one: dragenter, dragover, drop carrying a DataTransfer with the file. */
export async function dropFile(
  page: Page,
  name: string,
  bytes: Uint8Array,
  steps = ["dragenter", "dragover", "drop"],
) {
  await page.evaluate(
    ({ name, data, steps }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(data)], name));
      for (const type of steps)
        document.body.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
    },
    { name, data: [...bytes], steps },
  );
}
