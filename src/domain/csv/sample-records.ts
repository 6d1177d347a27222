/**
 * A small quote-aware CSV splitter for the first few kilobytes of a file: enough to detect the delimiter and
 * the header row before the worker's full papaparse run. Quoted fields may contain delimiters and newlines.
 */
export function sampleRecords(text: string, delimiter: string, maxRecords = 60): string[][] {
  const records: string[][] = [];
  let field = "";
  let fields: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length && records.length < maxRecords) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = "";
    } else field += char;
    i += 1;
  }
  if (records.length < maxRecords && (field !== "" || fields.length > 0)) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}
