import { describe, expect, it } from "vitest";
import { BatchStore } from "../batch/batch-store.ts";
import { createRow } from "../batch/row.ts";
import { availableColumns } from "../columns/build-columns.ts";
import { applyLayout } from "../columns/layout.ts";
import { QUOTE_PROPERTIES } from "../columns/property-fixtures.ts";
import { BatchValidator } from "../validation/batch-validator.ts";
import { RowRules } from "../validation/row-rules.ts";
import { type ValidationScheduler, ValidationService } from "./validation-service.ts";

const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), undefined);
const rows = Array.from({ length: 50 }, (_, i) =>
  createRow({ hs_title: `Q${i}`, [DEAL]: String(i) }, `r${i}`),
);

const timeouts: ValidationScheduler = {
  schedule(task) {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  },
};

describe("ValidationService", () => {
  it("checks nothing before it has rules, and re-checks nothing when only widths or labels change", () => {
    const store = new BatchStore(rows);
    const hub = new ValidationService(store, { scheduler: timeouts, today: "2026-11-29" });
    expect(hub.configured).toBe(false);
    const input = { properties: QUOTE_PROPERTIES, columns };
    hub.setRules(input);
    const checked = hub.validator.rowsChecked;
    expect(checked).toBe(50);
    hub.setRules({ ...input });
    hub.setRules({ ...input, columns: columns.map((c) => ({ ...c, width: c.width + 10 })) });
    hub.setProperties(QUOTE_PROPERTIES);
    expect(hub.validator.rowsChecked).toBe(checked);
    hub.setToday("2026-11-30");
    expect(hub.validator.rowsChecked).toBe(checked + 50);
  });

  it("re-checks only rows citing ids newly known to be missing", () => {
    const store = new BatchStore(rows);
    const hub = new ValidationService(store, { scheduler: timeouts, today: "2026-11-29" });
    hub.setRules({ properties: QUOTE_PROPERTIES, columns });
    const checked = hub.validator.rowsChecked;
    hub.setMissing((type, id) => type === "deals" && (id === "3" || id === "7"));
    expect(hub.validator.rowsChecked - checked).toBe(2);
    expect(hub.validator.issueFor("r7", DEAL)?.message).toEqual({
      code: "association.missing",
      values: { count: 1, ids: ["7"], object: "deals" },
    });
  });
});

/** Runs scheduled slices only when the test says so, counting them. */
function manualScheduler() {
  const queue: (() => void)[] = [];
  return {
    scheduler: {
      schedule(task: () => void) {
        queue.push(task);
        return () => {
          const at = queue.indexOf(task);
          if (at >= 0) queue.splice(at, 1);
        };
      },
    },
    get queued() {
      return queue.length;
    },
    runOne() {
      queue.shift()?.();
    },
    runAll(): number {
      let tasks = 0;
      for (let task = queue.shift(); task; task = queue.shift()) {
        task();
        tasks += 1;
      }
      return tasks;
    },
  };
}

const INPUT = { properties: QUOTE_PROPERTIES, columns };
// Every fifth row lacks an expiration date (an error); every row lacks a template (a warning).
const big = (n: number, prefix = "b") =>
  Array.from({ length: n }, (_, i) =>
    createRow(
      { hs_title: `Q${i}`, hs_expiration_date: i % 5 === 0 ? "" : "2027-01-01", [DEAL]: String(i) },
      `${prefix}${i}`,
    ),
  );

function syncCounts(store: BatchStore) {
  const validator = new BatchValidator(new RowRules({ ...INPUT, today: "2026-11-29" }));
  validator.revalidate(store.rows, { touched: "all", removed: [] });
  return validator.counts();
}

function setupHub(rowCount = 0) {
  const store = new BatchStore(big(rowCount, "s"));
  const timing = manualScheduler();
  const hub = new ValidationService(store, {
    scheduler: timing.scheduler,
    today: "2026-11-29",
    sliceRows: 100,
  });
  hub.setRules(INPUT);
  timing.runAll();
  const checkedPerTask: number[] = [];
  const run = (): number => {
    let tasks = 0;
    while (timing.queued > 0) {
      const before = hub.validator.rowsChecked;
      timing.runOne();
      checkedPerTask.push(hub.validator.rowsChecked - before);
      tasks += 1;
    }
    return tasks;
  };
  return { store, hub, timing, run, checkedPerTask };
}

describe("ValidationService with big changes", () => {
  it("checks a big import in slices, bumping the version after each, ending with exact counts", () => {
    const { store, hub, run, checkedPerTask } = setupHub();
    const version = hub.version;
    store.apply({ type: "replace-rows", rows: big(1050) });
    expect(hub.validator.rowsChecked).toBe(0);
    expect(hub.pendingRows).toBe(1050);
    expect(hub.validator.counts()).toEqual({ errors: 0, warnings: 0 });
    const afterChange = hub.version;
    expect(afterChange).toBe(version + 1);
    expect(run()).toBe(11);
    expect(checkedPerTask.every((n) => n <= 100)).toBe(true);
    expect(hub.version).toBe(afterChange + 11);
    expect(hub.pendingRows).toBe(0);
    expect(hub.validator.rowsChecked).toBe(1050);
    expect(hub.validator.counts()).toEqual(syncCounts(store));
    expect(hub.validator.issueFor("b1000", "hs_expiration_date")?.severity).toBe("error");
  });

  it("counts only the rows checked so far while slices are pending", () => {
    const { store, hub, timing } = setupHub();
    store.apply({ type: "replace-rows", rows: big(500) });
    timing.runOne();
    expect(hub.pendingRows).toBe(400);
    expect(hub.validator.counts()).toEqual({ errors: 20, warnings: 100 });
    expect(hub.validator.all()).toHaveLength(120);
    expect(hub.validator.issueFor("b400", "hs_expiration_date")).toBeUndefined();
  });

  it("keeps a small change synchronous and exact", () => {
    const { store, hub, timing } = setupHub(300);
    const checked = hub.validator.rowsChecked;
    store.apply({ type: "set-cells", edits: [{ rowId: "s7", key: "hs_title", value: "" }] });
    expect(timing.queued).toBe(0);
    expect(hub.validator.rowsChecked - checked).toBe(1);
    expect(hub.validator.issueFor("s7", "hs_title")?.severity).toBe("error");
  });

  it("checks an edit to a pending row at once and takes it off the queue", () => {
    const { store, hub, run } = setupHub();
    store.apply({ type: "replace-rows", rows: big(500) });
    store.apply({ type: "set-cells", edits: [{ rowId: "b450", key: "hs_discount", value: "lots" }] });
    expect(hub.pendingRows).toBe(499);
    expect(hub.validator.issueFor("b450", "hs_discount")?.severity).toBe("error");
    run();
    // Each row once: the edited one was not checked again by a slice.
    expect(hub.validator.rowsChecked).toBe(500);
    expect(hub.validator.counts()).toEqual(syncCounts(store));
  });

  it("skips rows removed while pending", () => {
    const { store, hub, run } = setupHub(10);
    const before = hub.validator.rowsChecked;
    store.apply({ type: "insert-rows", inserts: big(400).map((row, index) => ({ index: 10 + index, row })) });
    expect(hub.pendingRows).toBe(400);
    store.apply({ type: "remove-rows", rowIds: ["b0", "b5", "b399"] });
    expect(hub.pendingRows).toBe(397);
    run();
    expect(hub.validator.rowsChecked - before).toBe(397);
    expect(hub.validator.issueFor("b0", "hs_expiration_date")).toBeUndefined();
    expect(hub.validator.counts()).toEqual(syncCounts(store));
  });

  it("restarts from the top when the whole batch changes again while pending", () => {
    const { store, hub, timing, run } = setupHub();
    store.apply({ type: "replace-rows", rows: big(500, "x") });
    timing.runOne();
    store.apply({ type: "replace-rows", rows: big(300) });
    expect(hub.pendingRows).toBe(300);
    expect(hub.validator.counts()).toEqual({ errors: 0, warnings: 0 });
    expect(run()).toBe(3);
    expect(hub.validator.issuesForRow("x0")).toEqual([]);
    expect(hub.validator.counts()).toEqual(syncCounts(store));
  });

  it("merges a second big change into the pending work", () => {
    const { store, hub, run } = setupHub();
    store.apply({ type: "replace-rows", rows: big(300) });
    store.apply({ type: "insert-rows", inserts: big(200, "y").map((row, index) => ({ index, row })) });
    expect(hub.pendingRows).toBe(500);
    run();
    expect(hub.validator.rowsChecked).toBe(500);
    expect(hub.validator.counts()).toEqual(syncCounts(store));
  });

  it("checks new rules in slices too, and a small undo while pending stays exact", () => {
    const { store, hub, timing, run } = setupHub(450);
    hub.setToday("2027-06-01");
    expect(hub.pendingRows).toBe(450);
    timing.runOne();
    store.apply({ type: "remove-rows", rowIds: ["s1"] });
    store.undo();
    expect(hub.validator.issueFor("s1", "hs_expiration_date")?.message.code).toBe("date.past");
    run();
    const expected = new BatchValidator(new RowRules({ ...INPUT, today: "2027-06-01" }));
    expected.revalidate(store.rows, { touched: "all", removed: [] });
    expect(hub.validator.counts()).toEqual(expected.counts());
  });

  it("looks for rows citing newly missing ids in slices in a big batch", () => {
    const { hub, timing, run, checkedPerTask } = setupHub(450);
    const checked = hub.validator.rowsChecked;
    const missing =
      (...ids: string[]) =>
      (type: string, id: string) =>
        type === "deals" && ids.includes(id);
    hub.setMissing(missing("3", "20"));
    timing.runOne();
    expect(hub.validator.issueFor("s20", DEAL)?.message.code).toBe("association.missing");
    // Mid-scan, "20" turns out to exist after all and "420" not to: the scan restarts, covering all three.
    hub.setMissing(missing("3", "420"));
    expect(run()).toBe(5);
    expect(checkedPerTask.every((n) => n <= 100)).toBe(true);
    expect(hub.pendingRows).toBe(0);
    expect(hub.validator.issueFor("s3", DEAL)?.message.code).toBe("association.missing");
    expect(hub.validator.issueFor("s20", DEAL)).toBeUndefined();
    expect(hub.validator.issueFor("s420", DEAL)?.message.code).toBe("association.missing");
    expect(hub.validator.rowsChecked - checked).toBe(2 + 3);
  });
});
