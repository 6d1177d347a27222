import { type FileIssue, fileIssue } from "./file-issue.ts";

/** Something the preview lists so the user can fix the file or decide to go on anyway. */
export interface CsvProblem {
  kind: "ragged-row" | "empty-header" | "duplicate-header" | "unbalanced-quotes" | "encoding";
  /** Stops the import (unbalanced quotes); the rest are warnings. */
  blocking: boolean;
  /** What is wrong, where and what to do, in the user's language (`issue.<code>`). */
  issue: FileIssue;
}

const MAX_RAGGED_LISTED = 5;

/** Column numbers are 1-based, as a spreadsheet user counts them. */
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
        issue: fileIssue("file.emptyHeader", { column: index + 1 }),
      });
      return;
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        kind: "duplicate-header",
        blocking: false,
        issue: fileIssue("file.duplicateHeader", { first: first + 1, second: index + 1, name }),
      });
    else seen.set(key, index);
  });
  return problems;
}

/** `ragged` rows are 1-based line-of-file numbers as a spreadsheet would show them. */
export function raggedRowProblem(
  expected: number,
  ragged: readonly { row: number; fields: number }[],
  total: number,
): CsvProblem | undefined {
  if (total === 0) return undefined;
  // "row:fields" pairs: the UI says "row 6 has 3" for each, in the user's language.
  const listed = ragged.slice(0, MAX_RAGGED_LISTED).map(({ row, fields }) => `${row}:${fields}`);
  return {
    kind: "ragged-row",
    blocking: false,
    issue: fileIssue("file.raggedRows", {
      count: total,
      expected,
      rowFields: listed,
      more: Math.max(0, total - listed.length),
    }),
  };
}

export function unbalancedQuoteProblem(row: number): CsvProblem {
  return { kind: "unbalanced-quotes", blocking: true, issue: fileIssue("file.unbalancedQuotes", { row }) };
}

export function encodingProblem(count: number): CsvProblem {
  return { kind: "encoding", blocking: false, issue: fileIssue("file.encoding", { count }) };
}
