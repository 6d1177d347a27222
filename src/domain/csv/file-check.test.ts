import { describe, expect, it } from "vitest";
import { fileProblem, MAX_FILE_BYTES } from "./file-check.ts";
import { asFileIssue, FileIssueError, fileIssue } from "./file-issue.ts";
import { headerProblems, raggedRowProblem, unbalancedQuoteProblem } from "./problems.ts";

describe("file problems as codes with values", () => {
  it("judges a file by its name and size, naming the file", () => {
    expect(fileProblem({ name: "q.xls", size: 10 })).toEqual({
      code: "file.otherSpreadsheet",
      values: { name: "q.xls", ext: ".xls" },
    });
    expect(fileProblem({ name: "q.pdf", size: 10 })?.code).toBe("file.notCsv");
    expect(fileProblem({ name: "q.csv", size: MAX_FILE_BYTES + 1 })).toEqual({
      code: "file.tooLarge",
      values: { name: "q.csv", sizeBytes: MAX_FILE_BYTES + 1, limitBytes: MAX_FILE_BYTES },
    });
    expect(fileProblem({ name: "q.CSV", size: 0 })?.code).toBe("file.empty");
    expect(fileProblem({ name: "見積.xlsx", size: 10 })).toBeUndefined();
  });

  it("says where: columns and rows as a spreadsheet counts them", () => {
    expect(headerProblems(["件名", " ", "件名"]).map((p) => p.issue)).toEqual([
      { code: "file.emptyHeader", values: { column: 2 } },
      { code: "file.duplicateHeader", values: { first: 1, second: 3, name: "件名" } },
    ]);
    const rows = [4, 6, 9, 12, 20, 31].map((row) => ({ row, fields: 2 }));
    expect(raggedRowProblem(3, rows, 8)?.issue).toEqual({
      code: "file.raggedRows",
      values: { count: 8, expected: 3, rowFields: ["4:2", "6:2", "9:2", "12:2", "20:2"], more: 3 },
    });
    expect(raggedRowProblem(3, [], 0)).toBeUndefined();
    expect(unbalancedQuoteProblem(7)).toMatchObject({ blocking: true, issue: { values: { row: 7 } } });
  });

  it("carries an issue through an Error, and makes any other error an unexpected one", () => {
    const issue = fileIssue("file.noSheet", { sheet: 3 });
    expect(asFileIssue(new FileIssueError(issue))).toBe(issue);
    expect(asFileIssue(new Error("boom"))).toEqual({ code: "file.unexpected", values: { detail: "boom" } });
  });
});
