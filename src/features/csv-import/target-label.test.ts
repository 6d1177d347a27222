import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { buildTargets } from "../../domain/csv/targets.ts";
import { TEST_PROPERTIES } from "../../domain/csv/test-targets.ts";
import { messagesFor } from "../../i18n/messages.ts";
import type { Translate } from "../../i18n/use-t.ts";
import { targetLabel } from "./target-label.ts";

const translator = (locale: "en" | "ja"): Translate => {
  const intl = createIntl({ locale, messages: messagesFor(locale) });
  return (id, values) => intl.formatMessage({ id }, values);
};

describe("targetLabel", () => {
  const targets = buildTargets(TEST_PROPERTIES);
  const deal = targets.find(
    (target) => target.kind === "association" && target.association.toObjectType === "deals",
  );
  it("names association targets in the user's language; English stays as the domain says it", () => {
    if (!deal) throw new Error("no deal target");
    expect(targetLabel(deal, translator("en"))).toBe(deal.label);
    expect(targetLabel(deal, translator("ja"))).toBe("取引 ID");
  });
  it("names line-item targets with 商品項目 in Japanese", () => {
    const quantity = TEST_PROPERTIES.find((property) => property.name === "hs_title");
    if (!quantity) throw new Error("no property");
    const line = {
      kind: "property" as const,
      key: "line:quantity",
      label: "Line item: Quantity",
      property: { ...quantity, label: "数量" },
      required: false,
    };
    expect(targetLabel(line, translator("ja"))).toBe("商品項目: 数量");
    expect(targetLabel(line, translator("en"))).toBe("Line item: 数量");
  });
});
