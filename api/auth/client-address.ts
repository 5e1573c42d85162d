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
  if (trust === 'none') return socket;
  const fromHeaders = trust === 'cloudflare' ? cloudflareClientAddress : forwardedClientAddress(trust.forwardedHops);
  return (c) => fromHeaders(c) ?? socket(c);
}
