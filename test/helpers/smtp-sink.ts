/**
 * A real SMTP server (smtp-server) on a random local port that keeps every message it receives, and
 * a small MIME reader for what our mailer sends (multipart/alternative, quoted-printable or base64,
 * RFC 2047 encoded headers), so tests read mails as a mailbox would.
 *
 *   const sink = await startSmtpSink();
 *   const app = await createTestApp({ mailer: smtpMailer(sink.url, 'Service <service@exemple.fr>') });
 *   const mail = await sink.waitFor((m) => m.to.includes('a@exemple.fr'));
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  envelopeFrom: string;
  headers: Map<string, string>;
  subject: string;
  from: string;
  replyTo: string | null;
  text: string;
  html: string;
  raw: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for SMTP_URL or smtpMailer. */
  url: string;
  messages: ReceivedMail[];
  /** The first message (received or to come within `timeoutMs`) matching `predicate`. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Messages sent to `address`, in order. */
  to(address: string): ReceivedMail[];
  clear(): void;
  close(): Promise<void>;
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=); blanks between two of them vanish. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function param(header: string | undefined, name: string): string | null {
  const m = new RegExp(`${name}="?([^";]+)"?`, 'i').exec(header ?? '');
  return m ? m[1]! : null;
}

/** Leaf parts by content type (text/plain, text/html), decoded. */
function leaves(raw: string, out: Map<string, string>): void {
  const { headers, body } = splitHeaders(raw);
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = param(headers.get('content-type'), 'boundary');
    if (!boundary) return;
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      leaves(part.replace(/^\r?\n/, ''), out);
    }
    return;
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const decoded =
    encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  const kind = type.split(';')[0]!.trim();
  if (!out.has(kind)) out.set(kind, decoded.replace(/\r\n/g, '\n').replace(/\n$/, ''));
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const { headers } = splitHeaders(raw);
  const parts = new Map<string, string>();
  leaves(raw, parts);
  const decoded = new Map([...headers].map(([k, v]) => [k, decodeHeader(v)]));
  return {
    to: envelope.to,
    envelopeFrom: envelope.from,
    headers: decoded,
    subject: decoded.get('subject') ?? '',
    from: decoded.get('from') ?? '',
    replyTo: decoded.get('reply-to') ?? null,
    text: parts.get('text/plain') ?? '',
    html: parts.get('text/html') ?? '',
    raw,
  };
}

/** `port`: a given port (a server that comes back up where it was); default: any free one. */
export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: Array<{ predicate: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain local SMTP: no TLS certificate to trust in tests.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), { from: envelopeFrom, to: session.envelope.rcptTo.map((r) => r.address) });
        messages.push(mail);
        for (const w of [...waiters]) {
          if (w.predicate(mail)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 10_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (m: ReceivedMail) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no such mail within ${timeoutMs} ms; received: ${messages.map((m) => `${m.to.join(',')} «${m.subject}»`).join(' | ') || 'none'}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address)),
    clear: () => void messages.splice(0, messages.length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
