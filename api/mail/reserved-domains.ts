/**
 * Addresses that can never reach anyone: the domains reserved for documentation and tests
 * (RFC 2606, RFC 6761) — the `.example`, `.test`, `.invalid` and `.localhost` top-level domains and
 * example.com/net/org. The demo catalogue's contacts use them; the mail drain never hands such a
 * mail to SMTP (it is recorded as undeliverable, and stays readable on the development outbox).
 */
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);
const RESERVED_DOMAINS = new Set(['example.com', 'example.net', 'example.org']);

export function isReservedAddress(address: string): boolean {
  const domain = address.trim().replace(/>$/, '').split('@').pop()!.toLowerCase().replace(/\.$/, '');
  const labels = domain.split('.');
  if (RESERVED_TLDS.has(labels[labels.length - 1]!)) return true;
  return RESERVED_DOMAINS.has(labels.slice(-2).join('.'));
}
