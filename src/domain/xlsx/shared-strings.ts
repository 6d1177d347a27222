import { stringItemText } from "./xml.ts";

/** `xl/sharedStrings.xml` → the table that cells of type "s" index into. */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g))
    strings.push(stringItemText(match[1] ?? ""));
  return strings;
}
