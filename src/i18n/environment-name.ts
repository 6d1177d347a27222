import type { SubmissionEnvironment } from "../domain/submission/types.ts";
import type { Translate } from "./use-t.ts";

/**
 * Where a submission went, in the user's language: "Simulator", "HubSpot portal 123", or its sandbox. A
 * string is a label an older version of the app stored in this browser; it is shown as it was saved.
 */
export function environmentName(environment: SubmissionEnvironment | string, t: Translate): string {
  if (typeof environment === "string") return environment;
  if (environment.kind === "simulator") return t("env.simulator");
  const portalId = String(environment.portalId ?? "?");
  return environment.sandbox ? t("env.portalSandbox", { portalId }) : t("env.portal", { portalId });
}
