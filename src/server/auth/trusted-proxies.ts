import { BlockList, isIP } from "node:net";

/** `AUTH_TRUSTED_PROXIES` as a matcher: exact addresses and CIDR ranges, IPv4 and IPv6. */
export function trustedProxyMatcher(entries: readonly string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
    const plain = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const type = isIP(plain);
    if (type === 0) return false;
    return list.check(plain, type === 6 ? "ipv6" : "ipv4");
  };
}
