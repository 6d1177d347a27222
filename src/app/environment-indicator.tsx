import { useQuery } from "@tanstack/react-query";
import { isSandbox } from "../hubspot/account.ts";
import { useT } from "../i18n/use-t.ts";
import { accountQuery } from "../lib/api/get-account.ts";
import { healthQuery } from "../lib/api/get-health.ts";
import { Badge } from "../ui/badge.tsx";
import { Spinner } from "../ui/spinner.tsx";

/** Which HubSpot the app writes to: the built-in simulator, or a real portal (and whether it is a sandbox). */
export function EnvironmentIndicator() {
  const health = useQuery(healthQuery());
  const isHubspot = health.data?.upstream === "hubspot";
  const account = useQuery({ ...accountQuery(), enabled: isHubspot });
  const t = useT();

  if (health.isPending) return <Spinner size="sm" label={t("env.connecting")} />;
  if (health.isError) {
    return (
      <Badge tone="danger" title={t("env.unreachable.hint")}>
        {t("env.unreachable")}
      </Badge>
    );
  }
  if (!isHubspot) {
    return (
      <div className="app-env">
        <span className="visually-hidden">{t("env.label")}</span>
        <Badge tone="info" title={t("env.simulator.hint")}>
          {t("env.simulator")}
        </Badge>
      </div>
    );
  }
  if (account.isPending) return <Spinner size="sm" label={t("env.account.loading")} />;
  if (account.isError || !account.data) {
    return (
      <div className="app-env">
        <span className="app-env__portal">{t("env.account.hubspot")}</span>
        <Badge tone="warning" title={t("env.account.unknown.hint")}>
          {t("env.account.unknown")}
        </Badge>
      </div>
    );
  }
  const sandbox = isSandbox(account.data);
  return (
    <div className="app-env">
      <span className="visually-hidden">{t("env.label")}</span>
      <span className="app-env__portal">{t("env.portal", { portalId: String(account.data.portalId) })}</span>
      {sandbox ? (
        <Badge tone="warning">{t("env.sandbox")}</Badge>
      ) : (
        <Badge tone="neutral" title={t("env.production.hint")}>
          {t("env.production")}
        </Badge>
      )}
    </div>
  );
}
