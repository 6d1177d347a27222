import { describe, expect, it } from "vitest";
import { createSimulator } from "../simulator/simulator.ts";
import { call, fakeClock } from "../simulator/test-kit.ts";
import { PropertyList } from "./properties.ts";
import { detectQuoteSystem } from "./quote-system.ts";

function templateType(options: { value: string; hidden?: boolean }[]) {
  return PropertyList.parse({
    results: [
      {
        name: "hs_template_type",
        label: "Template type",
        type: "enumeration",
        fieldType: "select",
        groupName: "quoteinformation",
        options: options.map((o) => ({ label: o.value, ...o })),
      },
    ],
  }).results;
}

describe("detectQuoteSystem", () => {
  it("is cpq when hs_template_type offers a visible CPQ_QUOTE, else legacy", () => {
    expect(
      detectQuoteSystem(templateType([{ value: "LEGACY_QUOTE_TEMPLATE" }, { value: "CPQ_QUOTE" }])),
    ).toBe("cpq");
    expect(detectQuoteSystem(templateType([{ value: "CPQ_QUOTE", hidden: true }]))).toBe("legacy");
    expect(detectQuoteSystem(templateType([{ value: "CUSTOMIZABLE_QUOTE_TEMPLATE" }]))).toBe("legacy");
    expect(detectQuoteSystem([])).toBe("legacy");
  });

  it.each(["legacy", "cpq"] as const)("tells the simulator's %s portal apart", async (quoteSystem) => {
    const sim = createSimulator({ clock: fakeClock(), quoteSystem });
    const res = await call(sim, "GET", "/crm/v3/properties/quotes");
    expect(detectQuoteSystem(PropertyList.parse(res.json).results)).toBe(quoteSystem);
  });
});
