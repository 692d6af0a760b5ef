import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The address the per-client limits count by: Fastify's `request.ip`, which follows X-Forwarded-For
 * only through the proxies TRUST_PROXY names. An IPv4 address is itself; an IPv6 address counts by
 * its /64 network, because one subscriber is usually given a whole /64 and could otherwise change
 * address at every request.
 */
export function clientAddress(request: FastifyRequest): string {
  return clientAddressKey(request.ip ?? request.socket?.remoteAddress ?? '');
}

export function clientAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'unknown';
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
