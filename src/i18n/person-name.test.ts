import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { LOCAL_USER } from "../server/identity.ts";
import { messagesFor } from "./messages.ts";
import { personName } from "./person-name.ts";
import type { Translate } from "./use-t.ts";

describe("personName", () => {
  it("says the local user in the user's language, others by name or id", () => {
    const ja = createIntl({ locale: "ja", messages: messagesFor("ja") });
    const t: Translate = (id, values) => ja.formatMessage({ id }, values);
    expect(personName(LOCAL_USER, t)).toBe("このコンピューター");
    expect(personName({ id: "sam@example.com", name: "Sam" }, t)).toBe("Sam");
    expect(personName({ id: "sam@example.com" }, t)).toBe("sam@example.com");
  });
});
