import { isIP } from "node:net";

const LOOPBACK_NAMES = new Set(["localhost", "::1", "[::1]"]);

/** Whether a bind address or host name stays on this computer (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  if (LOOPBACK_NAMES.has(name)) return true;
  return isIP(name) === 4 && name.startsWith("127.");
}

export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}
