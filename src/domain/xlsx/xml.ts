/**
 * Just enough XML for SpreadsheetML parts: attributes of one tag and text with entities. A DOM parser is not
 * available in a worker, and these parts are machine-written with a fixed shape, so regular expressions over
 * the text are both sufficient and fast (a 10,000-row sheet is a few MB).
 */
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** Excel escapes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for a carriage return). */
const EXCEL_ESCAPE = /_x([0-9a-f]{4})_/gi;

export function decodeText(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(ENTITY, (_, hex, dec, name) =>
      hex
        ? String.fromCodePoint(Number.parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : NAMED[name.toLowerCase()]!,
    )
    .replace(EXCEL_ESCAPE, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The value of `name` in a tag's attribute text (`r="A1" s="3"`), decoded, or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`);
    PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeText(match[1]!) : undefined;
}

/** One compiled pattern per attribute name: a sheet asks for r, s and t of every cell. */
const PATTERNS = new Map<string, RegExp>();

/** The text of every `<t>` in a string item or inline string, without phonetic runs (`<rPh>`, furigana). */
export function stringItemText(xml: string): string {
  const withoutPhonetic = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let text = "";
  for (const match of withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g))
    text += match[1] ?? "";
  return decodeText(text);
}
