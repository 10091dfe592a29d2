import { BlockList, isIP } from 'node:net';

/**
 * Which addresses a webhook may be delivered to. Server-side request forgery protection: a target
 * that resolves to this machine, the local network or a cloud's metadata service would let anyone
 * who can add a webhook read what only the server can reach.
 */

/** Cloud metadata services (AWS, GCP, Azure, OpenStack on 169.254.169.254; AWS over IPv6; Alibaba). */
const METADATA = new BlockList();
METADATA.addAddress('169.254.169.254', 'ipv4');
METADATA.addAddress('100.100.100.200', 'ipv4');
METADATA.addAddress('fd00:ec2::254', 'ipv6');

/**
 * Loopback, private, link-local, shared, reserved, documentation, multicast and unspecified ranges
 * (RFC 6890), one list per family: a BlockList matches IPv4 addresses against IPv4-mapped IPv6
 * rules too, so ::ffff:0:0/96 in the same list would refuse every IPv4 address.
 */
const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC_V4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96], // IPv4-mapped: checked as the IPv4 address they carry, and never public themselves
  ['64:ff9b::', 96], // NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 embeds an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC_V6.addSubnet(net, prefix, 'ipv6');
}

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a webhook may connect to this resolved address. Private targets (a receiver on the office
 * network) are allowed only when the workspace's admin said so; cloud metadata never is.
 */
export function checkTargetAddress(address: string, allowPrivate: boolean): AddressVerdict {
  const family = isIP(address);
  if (family === 0) return { allowed: false, reason: `${address} is not an IP address` };
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const mapped = type === 'ipv6' ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  if (METADATA.check(address, type) || (mapped !== undefined && METADATA.check(mapped, 'ipv4'))) {
    return { allowed: false, reason: `${address} is a cloud metadata address` };
  }
  if (allowPrivate) return { allowed: true };
  if (mapped !== undefined) return { allowed: false, reason: `${address} is an IPv4-mapped IPv6 address` };
  if ((type === 'ipv4' ? NOT_PUBLIC_V4 : NOT_PUBLIC_V6).check(address, type))
    return { allowed: false, reason: `${address} is a loopback, private or reserved address` };
  return { allowed: true };
}
