import { useQuery } from "@tanstack/react-query";
import { isSandbox } from "../hubspot/account.ts";
import { accountQuery } from "../lib/api/get-account.ts";
import { healthQuery } from "../lib/api/get-health.ts";
import { Badge } from "../ui/badge.tsx";
import { Spinner } from "../ui/spinner.tsx";

/** Which HubSpot the app writes to: the built-in simulator, or a real portal (and whether it is a sandbox). */
export function EnvironmentIndicator() {
  const health = useQuery(healthQuery());
  const isHubspot = health.data?.upstream === "hubspot";
  const account = useQuery({ ...accountQuery(), enabled: isHubspot });

  if (health.isPending) return <Spinner size="sm" label="Connecting…" />;
  if (health.isError) {
    return (
      <Badge tone="danger" title="The app's server does not answer. Check that it is running.">
        Server unreachable
      </Badge>
    );
  }
  if (!isHubspot) {
    return (
      <div className="app-env">
        <span className="visually-hidden">Environment:</span>
        <Badge tone="info" title="Quotes go to the built-in HubSpot simulator, not to a HubSpot account.">
          Simulator
        </Badge>
      </div>
    );
  }
  if (account.isPending) return <Spinner size="sm" label="Loading HubSpot account…" />;
  if (account.isError || !account.data) {
    return (
      <div className="app-env">
        <span className="app-env__portal">HubSpot</span>
        <Badge tone="warning" title="The account details could not be loaded.">
          Account unknown
        </Badge>
      </div>
    );
  }
  const sandbox = isSandbox(account.data);
  return (
    <div className="app-env">
      <span className="visually-hidden">Environment:</span>
      <span className="app-env__portal">HubSpot portal {account.data.portalId}</span>
      {sandbox ? (
        <Badge tone="warning">Sandbox</Badge>
      ) : (
        <Badge tone="neutral" title="Quotes are created in your live HubSpot account.">
          Production
        </Badge>
      )}
    </div>
  );
}
