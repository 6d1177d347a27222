import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// A lint over the source, not a rendered check: it sees every branch of every component, including error
// states a test never reaches. Text that reaches the user must come from the catalogues (useT), so a bare
// word in JSX or in a text attribute is a string only English readers get.
const root = new URL("../..", import.meta.url).pathname;
const folders = ["src/features", "src/app", "src/ui"];

/** Attributes whose string value is read or heard by the user. */
const TEXT_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "aria-placeholder",
  "title",
  "placeholder",
  "alt",
  "label",
  "description",
  "hint",
  "emptyText",
]);

/** Letters of any script: punctuation, digits and symbols (`…`, `✓`, `×`, `—`) are not language. */
const WORDS = /\p{L}{2,}/u;

function sourceFiles(folder: string, pattern = /\.tsx$/): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Code that is not JSX reaches the user too: an import's problems travel as thrown errors (from the
 * worker) and as `message` fields. There they must be codes (`FileIssueError`, `issue.<code>`), so a
 * sentence in `new Error("…")` or `message: "…"` is English only. Three words make a sentence; a
 * two-word note for developers ("Unexpected reply") is not one.
 */
const codeFolders = ["src/features", "src/domain/csv", "src/domain/xlsx"];
const SENTENCE = /\p{L}{2,}(?:\s+\p{L}+){2,}/u;

function sentencesIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const check = (node: ts.Node, value: ts.Expression | undefined, what: string) => {
    if (!value || !(ts.isStringLiteralLike(value) || ts.isTemplateExpression(value))) return;
    const words = ts.isTemplateExpression(value)
      ? [value.head.text, ...value.templateSpans.map((span) => span.literal.text)].join("…")
      : value.text;
    if (!SENTENCE.test(words)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${fileName}:${line + 1} ${what} ${JSON.stringify(words)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text))
      check(node, node.arguments?.[0], node.expression.text);
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === "message")
      check(node, node.initializer, "message:");
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function bareTextIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${fileName}:${line + 1} ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, JSON.stringify(node.text.trim()));
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal =
        value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
          ? value.expression
          : value;
      if (literal && ts.isStringLiteral(literal) && WORDS.test(literal.text)) {
        report(node, `${node.name.getText(source)}=${JSON.stringify(literal.text)}`);
      }
    }
    // `{"Cancel"}` and `{cond ? "Yes" : "No"}` as JSX children.
    if (
      ts.isJsxExpression(node) &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const strings: ts.StringLiteralLike[] = [];
      const collect = (child: ts.Node) => {
        if (ts.isStringLiteralLike(child)) strings.push(child);
        else if (ts.isConditionalExpression(child)) [child.whenTrue, child.whenFalse].forEach(collect);
        else if (ts.isBinaryExpression(child)) [child.left, child.right].forEach(collect);
        else if (ts.isParenthesizedExpression(child)) collect(child.expression);
      };
      if (node.expression) collect(node.expression);
      for (const literal of strings)
        if (WORDS.test(literal.text)) report(literal, JSON.stringify(literal.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no bare UI text", () => {
  it("finds JSX text, text attributes and string children (the check itself can fail)", () => {
    const found = bareTextIn(
      "x.tsx",
      `const A = () => <div title="Close it" aria-label={t("x")}>Hello {"there"} {on ? "Yes" : "…"} <b>✓</b> {"·"}</div>;`,
    );
    expect(found).toEqual([
      'x.tsx:1 title="Close it"',
      'x.tsx:1 "Hello"',
      'x.tsx:1 "there"',
      'x.tsx:1 "Yes"',
    ]);
  });

  it("finds sentences in errors and message fields (the check itself can fail)", () => {
    const found = sentencesIn(
      "x.ts",
      `throw new Error("This workbook has no sheets."); const a = { message: \`Row \${n} is not closed\` };
       throw new Error(\`Unexpected reply \${type}\`); throw new FileIssueError(fileIssue("file.noSheets"));`,
    );
    expect(found).toEqual([
      'x.ts:1 Error "This workbook has no sheets."',
      'x.ts:1 message: "Row … is not closed"',
    ]);
  });

  it("leaves no sentence in errors or message fields of the import path and the features", () => {
    const found = codeFolders
      .flatMap((folder) => sourceFiles(folder, /\.tsx?$/))
      .flatMap((path) => sentencesIn(path, readFileSync(join(root, path), "utf8")));
    expect(found.join("\n")).toBe("");
  });

  it("leaves no bare text in any component under src/features, src/app and src/ui", () => {
    const found = folders
      .flatMap((folder) => sourceFiles(folder))
      .flatMap((path) =>
        bareTextIn(relative(root, join(root, path)), readFileSync(join(root, path), "utf8")),
      );
    // One line per finding, so the failure lists every file and line to fix.
    expect(found.join("\n")).toBe("");
  });
});
