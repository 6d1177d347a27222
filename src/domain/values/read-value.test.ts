import { describe, expect, it } from "vitest";
import { VALUE_CASES } from "../../test/value-cases.ts";
import { createRow } from "../batch/row.ts";
import type { ColumnDef } from "../columns/column-def.ts";
import { analyseFileDateOrder, coerceSlice, planCoercion } from "../csv/plan.ts";
import { buildTargets } from "../csv/targets.ts";
import { TEST_PROPERTIES } from "../csv/test-targets.ts";
import { inputReader, normalizeInput, orderFor } from "../grid/editor-input.ts";
import { planPaste } from "../grid/paste.ts";
import { planFill } from "../grid/range-edits.ts";
import { readOrKeep } from "./read-value.ts";

const utc = (local: string) => `${local}.000Z`;
const context = { localToIso: utc, dateOrder: "MDY" as const };
const targets = buildTargets(TEST_PROPERTIES);

function columnOf(key: string): ColumnDef {
  const target = targets.find((t) => t.key === key);
  if (!target) throw new Error(`No test target ${key}`);
  return target.kind === "property"
    ? { kind: "property", key, label: target.label, property: target.property, pinned: false, width: 120 }
    : {
        kind: "association",
        key,
        label: target.label,
        association: target.association,
        pinned: false,
        width: 120,
      };
}

function typed(key: string, input: string): string {
  return normalizeInput(columnOf(key), input, context);
}

function pasted(key: string, input: string): string {
  const row = createRow({}, "r1");
  const readers = new Map([[key, inputReader(columnOf(key), orderFor([input], context))]]);
  const plan = planPaste({
    rows: [row],
    columns: [key],
    selection: { anchor: { row: 0, col: 0 }, active: { row: 0, col: 0 } },
    data: [[input]],
    normalize: (k, raw) => readOrKeep(readers.get(k)!, raw),
    createRow: (cells) => createRow(cells),
  });
  const operation = plan.operation;
  if (operation?.type !== "set-cells") return "";
  return operation.edits[0]!.value;
}

/** Fill right from a text column into the target column: the value is entered anew there. */
function filled(key: string, input: string): string {
  const row = createRow({ hs_title: input }, "r1");
  const column = columnOf(key);
  const read = inputReader(column, orderFor([input], context));
  const range = { top: 0, bottom: 0, left: 0, right: 1 };
  const operation = planFill([row], ["hs_title", key], { ...range, right: 0 }, range, (_k, value) =>
    readOrKeep(read, value),
  );
  if (operation?.type !== "set-cells") return input;
  return operation.edits[0]!.value;
}

function imported(key: string, input: string): string {
  const table = { records: [["Header"], [input]], firstDataRow: 1, dataEnd: 2 };
  const columns = [{ column: 0, target: targets.find((t) => t.key === key)! }];
  const { order } = analyseFileDateOrder(table, columns, "MDY");
  const plan = planCoercion(table, columns, { dateOrder: order, localToIso: utc });
  return coerceSlice(table, plan, 1, 2)[0]![0]!;
}

describe("one value reader for every entry path", () => {
  it.each(VALUE_CASES)("%s ← %j is stored as %j", (key, input, stored) => {
    expect({
      typed: typed(key, input),
      pasted: pasted(key, input),
      filled: filled(key, input),
      imported: imported(key, input),
    }).toEqual({ typed: stored, pasted: stored, filled: stored, imported: stored });
  });
});
