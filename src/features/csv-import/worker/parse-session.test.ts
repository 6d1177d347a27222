import { describe, expect, it } from "vitest";
import { buildTargets } from "../../../domain/csv/targets.ts";
import { TEST_PROPERTIES } from "../../../domain/csv/test-targets.ts";
import { ParseSession } from "./parse-session.ts";

const targets = buildTargets(TEST_PROPERTIES);
const target = (key: string) => targets.find((t) => t.key === key)!;
const noProgress = () => {};

async function parse(text: string | Uint8Array) {
  const session = new ParseSession();
  const readMs = await session.load(new Blob([typeof text === "string" ? text : Uint8Array.from(text)]));
  return { session, summary: await session.parse({}, readMs, noProgress) };
}

describe("ParseSession", () => {
  it("detects delimiter and header after a preamble, keeps quoted newlines, and counts widths", async () => {
    const csv =
      '\uFEFFExport of quotes\nGenerated 2024-01-01\n\nTitle;Expires;Amount\n"Line 1\nLine 2";05.01.2024;1.234,5\nB;06.01.2024\n';
    const { summary } = await parse(new TextEncoder().encode(csv));
    expect(summary.encoding).toBe("utf-8");
    expect(summary.delimiter).toBe(";");
    expect(summary.detectedHeaderRow).toBe(2);
    expect(summary.preview[3]).toEqual(["Line 1\nLine 2", "05.01.2024", "1.234,5"]);
    expect(summary.widths[2]).toEqual({ count: 1, first: [4] });
  });

  it("reports the row of an unbalanced quote", async () => {
    const { summary } = await parse('a,b\n1,2\n"3,4\n5,6\n');
    expect(summary.unbalancedQuoteRow).toBe(3);
  });

  it("coerces mapped columns and hands them over in chunks", async () => {
    const csv = [
      "Title,Expires,Discount,Deal ID",
      ...Array.from({ length: 25 }, (_, i) => `Q${i},31/12/2024,"1,5",${i}`),
    ].join("\n");
    const { session } = await parse(csv);
    const analysed = session.analyse(
      0,
      null,
      [
        { column: 0, target: target("hs_title") },
        { column: 1, target: target("hs_expiration_date") },
        { column: 2, target: target("hs_discount") },
        { column: 3, target: target("assoc:deals:HUBSPOT_DEFINED:64") },
      ],
      null,
      "MDY",
      noProgress,
    );
    expect(analysed.dateOrder).toBe("DMY");
    expect(analysed.rowCount).toBe(25);
    expect(analysed.columns[1]!.sample[0]).toBe("2024-12-31");
    expect(analysed.columns[2]!.sample[0]).toBe("1.5");
    const chunks = [...session.chunks(10)];
    expect(chunks.map((chunk) => chunk.rows)).toEqual([10, 10, 5]);
    expect(chunks[2]!.columns[3]).toEqual(["20", "21", "22", "23", "24"]);
  });

  it("finds a totals line at the end and leaves it out unless asked to import it", async () => {
    const csv = "Title,Expires,Discount\nAcme,2026-12-31,10\nGlobex,2026-11-30,5\nTotal,15,\n";
    const { session, summary } = await parse(csv);
    expect(summary.summaryRows).toEqual({ from: 3, records: [{ index: 3, fields: ["Total", "15", ""] }] });
    const columns = [
      { column: 0, target: target("hs_title") },
      { column: 1, target: target("hs_expiration_date") },
    ];
    const skipped = session.analyse(0, summary.summaryRows!.from, columns, null, "MDY", noProgress);
    expect(skipped.rowCount).toBe(2);
    const all = session.analyse(0, null, columns, null, "MDY", noProgress);
    expect(all.rowCount).toBe(3);
    // Imported anyway, "15" is not read as 1900-01-15: it stays as written for the grid to flag.
    expect(all.columns[1]!.sample[2]).toBe("15");
    expect(all.columns[1]!.stats.invalid).toBe(1);
  });
});
