/** Something the preview lists so the user can fix the file or decide to go on anyway. */
export interface CsvProblem {
  kind: "ragged-row" | "empty-header" | "duplicate-header" | "unbalanced-quotes" | "encoding";
  /** Stops the import (unbalanced quotes); the rest are warnings. */
  blocking: boolean;
  message: string;
}

const MAX_RAGGED_LISTED = 5;

/** `rowNumbers` are 1-based line-of-file numbers as a spreadsheet would show them. */
export function headerProblems(header: readonly string[] | null): CsvProblem[] {
  if (!header) return [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === "") {
      problems.push({
        kind: "empty-header",
        blocking: false,
        message: `Column ${index + 1} has no header name; it is shown as "Column ${index + 1}".`,
      });
      return;
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        kind: "duplicate-header",
        blocking: false,
        message: `Columns ${first + 1} and ${index + 1} are both named "${name}"; map at most one of them to each field.`,
      });
    else seen.set(key, index);
  });
  return problems;
}

export function raggedRowProblem(
  expected: number,
  ragged: readonly { row: number; fields: number }[],
  total: number,
): CsvProblem | undefined {
  if (total === 0) return undefined;
  const listed = ragged
    .slice(0, MAX_RAGGED_LISTED)
    .map(({ row, fields }) => `row ${row} has ${fields}`)
    .join(", ");
  const more = total > MAX_RAGGED_LISTED ? ` and ${total - MAX_RAGGED_LISTED} more` : "";
  return {
    kind: "ragged-row",
    blocking: false,
    message: `${total} ${total === 1 ? "row does" : "rows do"} not have ${expected} fields like the header: ${listed}${more}. Missing fields are imported empty; extra fields are ignored.`,
  };
}

export function unbalancedQuoteProblem(row: number): CsvProblem {
  return {
    kind: "unbalanced-quotes",
    blocking: true,
    message: `A quoted field opened on row ${row} is never closed, so the rest of the file reads as one value. Check the quotes (") on row ${row} and save the file again.`,
  };
}
