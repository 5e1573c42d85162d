/**
 * The client's IP address, used only as a rate-limit key after a keyed hash (never stored in clear).
 * Cloudflare sets cf-connecting-ip; a reverse proxy appends the address it saw to X-Forwarded-For,
 * so the last entry is the one a client cannot forge through one proxy. The Node entry adds the
 * socket address as the fallback.
 */
import type { Context } from 'hono';

export type ClientAddress = (c: Context) => string | null;

export const headerClientAddress: ClientAddress = (c) => {
  const cf = c.req.header('cf-connecting-ip')?.trim();
  if (cf) return cf;
  const forwarded = c.req.header('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last || null;
};
