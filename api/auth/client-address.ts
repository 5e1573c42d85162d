/**
 * The client's IP address, used only as a rate-limit key after a keyed hash (never stored in clear).
 * Headers are trusted only as far as the configuration says (TRUST_PROXY): anyone reaching the
 * server directly can write cf-connecting-ip or X-Forwarded-For, so by default only the socket
 * address counts. Behind Cloudflare, cf-connecting-ip is set by Cloudflare itself; behind N reverse
 * proxies that each append the address they saw, the Nth entry from the end of X-Forwarded-For is
 * the first one a client cannot forge.
 */
import type { Context } from 'hono';
import type { TrustProxy } from '../config.ts';

export type ClientAddress = (c: Context) => string | null;

const noSocket: ClientAddress = () => null;

/** Cloudflare's own header (the Workers entry, or a Node server that only Cloudflare can reach). */
export const cloudflareClientAddress: ClientAddress = (c) => c.req.header('cf-connecting-ip')?.trim() || null;

/** The X-Forwarded-For entry `hops` places from the end (1 = the last, appended by the nearest proxy). */
function forwardedClientAddress(hops: number): ClientAddress {
  return (c) => {
    const entries = (c.req.header('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
    return entries.length >= hops ? entries[entries.length - hops]! : null;
  };
}

/**
 * The client address for a TRUST_PROXY setting; `socket` gives the address of the TCP peer (the
 * Node entry's), used when nothing is trusted or when the trusted header is missing.
 */
export function clientAddressFor(trust: TrustProxy, socket: ClientAddress = noSocket): ClientAddress {
  const fromHeaders = trust === 'none' ? noSocket : trust === 'cloudflare' ? cloudflareClientAddress : forwardedClientAddress(trust.forwardedHops);
  return (c) => {
    const address = fromHeaders(c) ?? socket(c);
    return address === null ? null : rateLimitNetwork(address);
  };
}

/**
 * What a per-IP limit counts: an IPv4 address as it is (an IPv4-mapped IPv6 one as its IPv4), an
 * IPv6 address by its /64 network — one subscriber gets a whole /64 and could otherwise change
 * address at every attempt.
 */
export function rateLimitNetwork(address: string): string {
  const a = address.trim().replace(/%.*$/, '').toLowerCase();
  if (!a.includes(':')) return a;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return a;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
