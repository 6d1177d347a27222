import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "./database.ts";
import { databasesUnderTest } from "./test-databases.ts";

describe.each(databasesUnderTest())("the $name database", ({ open }) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("converts parameters and rows by type, the same on every run of a statement", async () => {
    db = await open();
    await db.query("create table t (id text primary key, at timestamptz, n integer, tags jsonb, f boolean)");
    const insert =
      "insert into t (id, at, n, tags, f) values ($1, to_timestamp($2 / 1000.0), $3, $4::jsonb, $5)";
    for (const [id, n] of [
      ["a", 1],
      ["b", 2],
      ["c", null],
    ] as const)
      await db.query(insert, [id, 1_700_000_000_000, n, JSON.stringify([id, "x"]), n === 1]);
    const select = "select id, at, n, tags, f from t where id = any($1::text[]) order by id";
    const first = await db.query(select, [["a", "c"]]);
    const again = await db.query(select, [["b"]]);
    expect(first.rows).toEqual([
      { id: "a", at: new Date(1_700_000_000_000), n: 1, tags: ["a", "x"], f: true },
      { id: "c", at: new Date(1_700_000_000_000), n: null, tags: ["c", "x"], f: false },
    ]);
    expect(again.rows).toEqual([
      { id: "b", at: new Date(1_700_000_000_000), n: 2, tags: ["b", "x"], f: false },
    ]);
  });

  it("reports a failing statement and runs the next one normally", async () => {
    db = await open();
    await db.query("create table u (id text primary key)");
    const insert = "insert into u (id) values ($1)";
    await db.query(insert, ["a"]);
    await expect(db.query(insert, ["a"])).rejects.toThrow(/duplicate key/);
    await expect(db.query("select nope from u")).rejects.toThrow(/nope/);
    await db.query(insert, ["b"]);
    expect((await db.query("select id from u order by id")).rows).toEqual([{ id: "a" }, { id: "b" }]);
  });

  it("keeps a query that runs while another caller's transaction is open out of that transaction", async () => {
    db = await open();
    await db.query("create table v (id text primary key)");
    const insert = "insert into v (id) values ($1)";
    await db.query(insert, ["warm"]);
    let inside: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const rolledBack = db
      .transaction(async (tx) => {
        await tx.query(insert, ["in-tx"]);
        inside();
        // Another caller's query is issued now, while this transaction is open.
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error("roll back");
      })
      .catch((error: unknown) => String(error));
    await entered;
    const outside = db.query(insert, ["outside"]);
    expect(await rolledBack).toContain("roll back");
    await outside;
    expect((await db.query("select id from v order by id")).rows).toEqual([
      { id: "outside" },
      { id: "warm" },
    ]);
  });

  it("runs more distinct statements than it keeps prepared", async () => {
    db = await open();
    const answers: unknown[] = [];
    for (let i = 0; i < 80; i++) answers.push((await db.query(`select ${i} + $1::int as n`, [1])).rows[0]);
    expect(answers.at(-1)).toEqual({ n: 80 });
    expect(answers).toHaveLength(80);
  });
});
