import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { associationKeysOf, associationRowsToCells, deriveAssociationRows } from "./association-rows.ts";

const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const CONTACT = "assoc:contacts:HUBSPOT_DEFINED:69";
const SIGNER = "assoc:contacts:HUBSPOT_DEFINED:702";
const DECIDER = "assoc:contacts:USER_DEFINED:901";

describe("association rows", () => {
  it("merges one record present in several label columns into one row with several labels", () => {
    const cells = { hs_title: "Q", [CONTACT]: "11;12", [SIGNER]: "12", [DEAL]: "5", [DECIDER]: "" };
    const keys = associationKeysOf(cells, [DEAL, CONTACT, "hs_title"]);
    expect(keys).toEqual([DEAL, CONTACT, SIGNER, DECIDER]);
    expect(deriveAssociationRows(cells, keys)).toEqual([
      { toObjectType: "deals", recordId: "5", labelKeys: [DEAL] },
      { toObjectType: "contacts", recordId: "11", labelKeys: [CONTACT] },
      { toObjectType: "contacts", recordId: "12", labelKeys: [CONTACT, SIGNER] },
    ]);
  });

  it("writes rows back into cells, clearing cells no row uses and ignoring labels of another type", () => {
    const cells = associationRowsToCells(
      [
        { toObjectType: "contacts", recordId: "12", labelKeys: [SIGNER, DECIDER, DEAL] },
        { toObjectType: "deals", recordId: " ", labelKeys: [DEAL] },
      ],
      [DEAL, CONTACT],
    );
    expect(cells).toEqual({ [DEAL]: "", [CONTACT]: "", [SIGNER]: "12", [DECIDER]: "12" });
  });

  it("round-trips any cells made of ids joined by ';'", () => {
    const keys = [DEAL, CONTACT, SIGNER, DECIDER];
    const idList = fc.uniqueArray(fc.constantFrom("1", "2", "3", "40", "x"), { maxLength: 4 });
    fc.assert(
      fc.property(fc.tuple(idList, idList, idList, idList), (lists) => {
        const cells = Object.fromEntries(keys.map((key, i) => [key, (lists[i] ?? []).join(";")]));
        const rows = deriveAssociationRows(cells, keys);
        const back = associationRowsToCells(rows, keys);
        for (const key of keys) {
          expect(new Set((back[key] ?? "").split(";").filter(Boolean))).toEqual(
            new Set((cells[key] ?? "").split(";").filter(Boolean)),
          );
        }
      }),
    );
  });
});
