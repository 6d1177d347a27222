/**
 * Tab-separated text as Excel and Google Sheets put it on the clipboard. A field that starts with `"` is
 * quoted: it may hold tabs, newlines and `""` (an escaped quote). A field whose quotes do not close cleanly
 * is taken literally, because Sheets copies `5" pipe` without quoting it.
 */
export function parseTsv(text: string): string[][] {
  if (text === "") return [];
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    const quoted = text.charCodeAt(i) === 34 ? readQuoted(text, i) : undefined;
    let end = quoted ? quoted.end : i;
    if (!quoted) {
      while (end < n) {
        const code = text.charCodeAt(end);
        if (code === 9 || code === 10 || code === 13) break;
        end += 1;
      }
    }
    row.push(quoted ? quoted.value : text.slice(i, end));
    if (end >= n) {
      rows.push(row);
      break;
    }
    const delimiter = text.charCodeAt(end);
    if (delimiter === 9) {
      i = end + 1;
      if (i === n) {
        row.push("");
        rows.push(row);
        break;
      }
      continue;
    }
    // A line break (\r\n, \n or a lone \r) ends the row; one at the very end is not an extra empty row.
    rows.push(row);
    row = [];
    i = end + (delimiter === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    if (i >= n) break;
  }
  return rows;
}

function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return undefined;
    value += text.slice(i, quote);
    if (text.charCodeAt(quote + 1) === 34) {
      value += '"';
      i = quote + 2;
      continue;
    }
    const after = quote + 1;
    const next = text.charCodeAt(after);
    if (after === text.length || next === 9 || next === 10 || next === 13) return { value, end: after };
    return undefined;
  }
  return undefined;
}

/** Quotes a field the way Excel does: only when it holds a tab, a line break or a quote. */
export function quoteTsvField(value: string): string {
  if (!/[\t\n\r"]/.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/** Rows of fields as clipboard text: tabs between fields, CRLF between rows, and a trailing CRLF like Excel. */
export function serializeTsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  return `${rows.map((row) => row.map(quoteTsvField).join("\t")).join("\r\n")}\r\n`;
}
