import { describe, expect, it } from "vitest";
import { autoMatch, checkMapping } from "./auto-match.ts";
import { headerSignature, normalizeName } from "./normalize.ts";
import { buildTargets } from "./targets.ts";
import { TEST_PROPERTIES } from "./test-targets.ts";

const targets = buildTargets(TEST_PROPERTIES);

describe("auto-match", () => {
  it("offers only writable properties and every association type", () => {
    const keys = targets.map((t) => t.key);
    expect(keys).not.toContain("hs_createdate");
    expect(keys.slice(0, 2)).toEqual(["hs_title", "hs_expiration_date"]);
    expect(keys).toContain("assoc:contacts:HUBSPOT_DEFINED:702");
  });

  it("matches by internal name, label, alias and fuzzy distance with a confidence", () => {
    const matches = autoMatch(
      [
        "hs_title",
        "EXPIRATION-DATE",
        "Deal ID",
        "Contact IDs",
        "Company ID",
        "Template",
        "Discont",
        "Mystery",
      ],
      targets,
    );
    expect(matches.map((m) => m.targetKey)).toEqual([
      "hs_title",
      "hs_expiration_date",
      "assoc:deals:HUBSPOT_DEFINED:64",
      "assoc:contacts:HUBSPOT_DEFINED:69",
      "assoc:companies:HUBSPOT_DEFINED:71",
      "assoc:quote_template:HUBSPOT_DEFINED:286",
      "hs_discount",
      null,
    ]);
    expect(matches.map((m) => m.confidence.kind)).toEqual([
      "exact",
      "exact",
      "exact",
      "alias",
      "exact",
      "alias",
      "fuzzy",
      "none",
    ]);
  });

  it("knows common aliases, Japanese ones included", () => {
    const keys = autoMatch(["Title", "Valid until"], targets).map((m) => m.targetKey);
    expect(keys).toEqual(["hs_title", "hs_expiration_date"]);
    expect(autoMatch(["見積名", "有効期限", "取引ID"], targets).map((m) => m.targetKey)).toEqual([
      "hs_title",
      "hs_expiration_date",
      "assoc:deals:HUBSPOT_DEFINED:64",
    ]);
  });

  it("maps each target once, to the better column", () => {
    const keys = autoMatch(["Quote title", "Quote name"], targets).map((m) => m.targetKey);
    expect(keys).toEqual([null, "hs_title"]);
  });

  it("flags missing required properties and two columns on one target", () => {
    const check = checkMapping(["hs_title", "hs_title", null], targets);
    expect(check.missingRequired.map((t) => t.key)).toEqual(["hs_expiration_date"]);
    expect(check.duplicates).toEqual([{ targetKey: "hs_title", columns: [0, 1] }]);
  });

  it("identifies a set of headers whatever their case, spacing and order", () => {
    expect(headerSignature(["Deal ID", "Title"])).toBe(headerSignature(["title ", "deal_id"]));
    expect(normalizeName("ＤＥＡＬ　ＩＤ")).toBe("dealid");
  });
});

describe("headers in other languages", () => {
  it("matches German, French and Japanese headers", () => {
    const headers = ["Titel", "Ablaufdatum", "Währung", "Kommentar", "Deal-ID", "Vorlage"];
    expect(autoMatch(headers, targets).map((m) => m.targetKey)).toEqual([
      "hs_title",
      "hs_expiration_date",
      "hs_currency",
      "hs_comments",
      "assoc:deals:HUBSPOT_DEFINED:64",
      "assoc:quote_template:HUBSPOT_DEFINED:286",
    ]);
    const japanese = [
      "見積もり名",
      "有効期限",
      "通貨",
      "コメント",
      "取引",
      "見積もりテンプレート",
      "コンタクト",
    ];
    expect(autoMatch(japanese, targets).map((m) => m.targetKey)).toEqual([
      "hs_title",
      "hs_expiration_date",
      "hs_currency",
      "hs_comments",
      "assoc:deals:HUBSPOT_DEFINED:64",
      "assoc:quote_template:HUBSPOT_DEFINED:286",
      "assoc:contacts:HUBSPOT_DEFINED:69",
    ]);
    expect(autoMatch(["Titre", "備考"], targets).map((m) => m.targetKey)).toEqual([
      "hs_title",
      "hs_comments",
    ]);
  });
});
