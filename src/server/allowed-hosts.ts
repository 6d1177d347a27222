import type { ServerEnv } from "./env.ts";

/**
 * On a loopback address only loopback names are expected (a DNS-rebinding page uses its own); a wildcard bind
 * cannot know its names. Behind a reverse proxy on this computer (oauth2-proxy, nginx), people reach the app
 * by the proxy's name, which it passes on in `Host`: `PUBLIC_URL` names it.
 */
export function allowedHosts(env: Pick<ServerEnv, "host" | "auth">): string[] | undefined {
  const loopback = ["127.0.0.1", "localhost", "::1", "[::1]"];
  if (!loopback.includes(env.host)) return undefined;
  // Host names without the port: with PORT=0 the port is only known once the server listens.
  const names = ["127.0.0.1", "localhost", "[::1]"];
  const publicHost = env.auth.mode === "none" ? undefined : env.auth.publicUrl?.host;
  return publicHost ? [...names, publicHost] : names;
}
