import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { environmentName } from "./environment-name.ts";
import { messagesFor } from "./messages.ts";
import type { Translate } from "./use-t.ts";

const translator = (locale: "en" | "ja"): Translate => {
  const intl = createIntl({ locale, messages: messagesFor(locale) });
  return (id, values) => intl.formatMessage({ id }, values);
};

describe("environmentName", () => {
  it("names the simulator, a portal and a sandbox in each language; an old stored label stays as saved", () => {
    const en = translator("en");
    const ja = translator("ja");
    expect(environmentName({ kind: "simulator" }, en)).toBe("Simulator");
    expect(environmentName({ kind: "hubspot", portalId: 123 }, en)).toBe("HubSpot portal 123");
    expect(environmentName({ kind: "hubspot", portalId: 123, sandbox: true }, en)).toBe(
      "HubSpot sandbox portal 123",
    );
    expect(environmentName({ kind: "hubspot", portalId: 123 }, ja)).toContain("123");
    expect(environmentName({ kind: "simulator" }, ja)).not.toBe("Simulator");
    expect(environmentName("HubSpot portal 9 (sandbox)", ja)).toBe("HubSpot portal 9 (sandbox)");
  });
});
