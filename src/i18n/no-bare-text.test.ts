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

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
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

  it("leaves no bare text in any component under src/features, src/app and src/ui", () => {
    const found = folders
      .flatMap(sourceFiles)
      .flatMap((path) =>
        bareTextIn(relative(root, join(root, path)), readFileSync(join(root, path), "utf8")),
      );
    // One line per finding, so the failure lists every file and line to fix.
    expect(found.join("\n")).toBe("");
  });
});
