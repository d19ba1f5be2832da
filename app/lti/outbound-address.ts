// Which addresses Gilde may call on behalf of someone who is not signed in (LTI Dynamic Registration: anyone on
// the internet can hand /lti/register a configuration address). Pure, so the rules have their own unit test.
import net from "node:net";

const PRIVATE = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv6");

/** A loopback, private, link-local or otherwise non-public address (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  const family = net.isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

const isLoopbackHost = (hostname: string) => ["127.0.0.1", "localhost", "[::1]"].includes(hostname);

/**
 * An address Gilde may call: https; plain http only on loopback, and loopback only outside production (the tests'
 * fake platform, trying out locally). Returns the URL, or null.
 */
export function callableUrl(value: unknown, { production }: { production: boolean }): URL | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const loopback = isLoopbackHost(url.hostname);
  if (loopback) return production ? null : url;
  return url.protocol === "https:" ? url : null;
}
