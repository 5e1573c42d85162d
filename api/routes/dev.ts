/**
 * Development outbox (never mounted in production): GET /api/dev/outbox (JSON) and GET /dev/outbox
 * (a plain French page) list the queued mails, newest first, with where each stands. They hold
 * answer links that open a person's details: only requests from this machine (the socket's loopback
 * address, never a header) are answered, others get 404.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app.ts';
import { listOutboxMails, type OutboxMail } from '../db/mail-outbox.ts';
import { escapeHtml } from '../mail/templates.ts';
import { problem } from '../http/problem.ts';

const LIMIT = 100;

type DevDeps = Pick<AppDeps, 'db' | 'socketAddress'>;

const STATUS_LABELS: Readonly<Record<OutboxMail['status'], string>> = {
  pending: 'en attente d’envoi',
  sent: 'envoyé',
  failed: 'non remis (abandonné)',
  undeliverable: 'jamais envoyé : adresse fictive',
};

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

function loopbackOnly(deps: DevDeps): MiddlewareHandler {
  return async (c: Context, next) => {
    if (!isLoopback(deps.socketAddress?.(c))) return problem(c, 404, 'Introuvable', "Cette adresse ne correspond à aucune ressource de l'API.");
    await next();
  };
}

export function devOutboxApiRoutes(deps: DevDeps) {
  const app = new Hono();
  app.get('/dev/outbox', loopbackOnly(deps), async (c) => {
    const mails = await listOutboxMails(deps.db, LIMIT);
    return c.json({
      items: mails.map((m) => ({
        id: m.id,
        to: m.recipient,
        subject: m.subject,
        text: m.text,
        html: m.html,
        createdAt: m.created_at,
        status: m.status,
        sentAt: m.sent_at,
        attempts: m.attempts,
        error: m.last_error,
      })),
    });
  });
  return app;
}

export function devOutboxPageRoutes(deps: DevDeps) {
  const app = new Hono();
  app.get('/dev/outbox', loopbackOnly(deps), async (c) => {
    const mails = await listOutboxMails(deps.db, LIMIT);
    const items = mails
      .map(
        (m) => `<article style="border-top:1px solid #ccc;padding:.5rem 0">
<h2 style="font-size:1.05rem;margin:.3rem 0">${escapeHtml(m.subject)}</h2>
<p style="margin:0;color:#555">À : ${escapeHtml(m.recipient)} · ${escapeHtml(new Date(m.created_at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }))} · ${escapeHtml(STATUS_LABELS[m.status])}</p>
<pre style="white-space:pre-wrap;font-family:inherit">${linkify(escapeHtml(m.text))}</pre>
</article>`,
      )
      .join('\n');
    return c.html(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Courriels envoyés (développement)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1>Courriels envoyés</h1>
<p>Boîte d’envoi de développement, ouverte depuis cette machine seulement : en production, les courriels partent par SMTP et cette page n’existe pas. ${mails.length ? `Les ${mails.length} derniers, du plus récent au plus ancien.` : ''}</p>
${items || '<p>Aucun courriel pour le moment.</p>'}
</body></html>`);
  });
  return app;
}

/** Makes the links of an already-escaped text clickable (they are the point of these mails). */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
