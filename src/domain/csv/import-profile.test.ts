import { describe, expect, it } from "vitest";
import {
  createProfile,
  matchingProfiles,
  parseProfileFile,
  profileFileText,
  profileFit,
  profileTargets,
} from "./import-profile.ts";

const renewals = createProfile({
  name: " Renewals JP ",
  headers: ["見積もり名", "有効期限", "商品", "数量", "メモ"],
  targets: ["hs_title", "hs_expiration_date", "line:hs_product_id", "line:quantity", null],
  groupBy: "hs_title",
  dateOrder: "DMY",
  defaults: { cells: { hs_currency: "JPY", hs_expiration_date: "+30" }, publish: true },
  savedAt: "2026-12-01T10:00:00.000Z",
});

describe("import profiles", () => {
  it("keeps the mapping by normalised header, the grouping, the date order and the batch defaults", () => {
    expect(renewals.name).toBe("Renewals JP");
    expect(profileTargets(renewals, ["数量", "見積もり名", "Unknown"])).toEqual([
      "line:quantity",
      "hs_title",
      undefined,
    ]);
    expect(renewals.defaults?.publish).toBe(true);
  });

  it("is offered for a file with (nearly) the same headers, best fit first", () => {
    const other = createProfile({
      name: "EU price update",
      headers: ["Titel", "Ablaufdatum"],
      targets: ["hs_title", "hs_expiration_date"],
      savedAt: "2026-11-01T00:00:00.000Z",
    });
    const headers = ["見積もり名", "有効期限", "商品", "数量"];
    expect(profileFit(renewals, headers)).toBe(0.8);
    expect(matchingProfiles([other, renewals], headers).map((p) => p.name)).toEqual(["Renewals JP"]);
    expect(matchingProfiles([other, renewals], ["見積もり名"])).toEqual([]);
  });

  it("round-trips as a file and refuses anything else with the reason", () => {
    expect(parseProfileFile(`\uFEFF${profileFileText(renewals)}`)).toEqual({ ok: true, profile: renewals });
    expect(parseProfileFile("{not json")).toEqual({ ok: false, problem: "not-json" });
    expect(parseProfileFile('{"name":"x"}')).toEqual({ ok: false, problem: "not-a-profile" });
    expect(parseProfileFile(JSON.stringify({ ...renewals, version: 2 }))).toEqual({
      ok: false,
      problem: "newer-version",
      version: 2,
    });
    expect(parseProfileFile(JSON.stringify({ ...renewals, mapping: { angebot: 7 } }))).toEqual({
      ok: false,
      problem: "damaged",
      field: "mapping.angebot",
    });
  });
});
