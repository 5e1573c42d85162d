/**
 * Development outbox (never mounted in production): GET /api/dev/outbox (JSON) and GET /dev/outbox
 * (a plain French page) list the mails the outbox mailer stored, newest first.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { listOutboxMails } from '../db/mail-outbox.ts';
import { escapeHtml } from '../mail/templates.ts';

const LIMIT = 100;

export function devOutboxApiRoutes(deps: Pick<AppDeps, 'db'>) {
  const app = new Hono();
  app.get('/dev/outbox', async (c) => {
    const mails = await listOutboxMails(deps.db, LIMIT);
    return c.json({
      items: mails.map((m) => ({ id: m.id, to: m.recipient, subject: m.subject, text: m.text, html: m.html, createdAt: m.created_at })),
    });
  });
  return app;
}

export function devOutboxPageRoutes(deps: Pick<AppDeps, 'db'>) {
  const app = new Hono();
  app.get('/dev/outbox', async (c) => {
    const mails = await listOutboxMails(deps.db, LIMIT);
    const items = mails
      .map(
        (m) => `<article style="border-top:1px solid #ccc;padding:.5rem 0">
<h2 style="font-size:1.05rem;margin:.3rem 0">${escapeHtml(m.subject)}</h2>
<p style="margin:0;color:#555">À : ${escapeHtml(m.recipient)} · ${escapeHtml(new Date(m.created_at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }))}</p>
<pre style="white-space:pre-wrap;font-family:inherit">${linkify(escapeHtml(m.text))}</pre>
</article>`,
      )
      .join('\n');
    return c.html(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Courriels envoyés (développement)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1>Courriels envoyés</h1>
<p>Boîte d’envoi de développement : en production, les courriels partent par SMTP et cette page n’existe pas. ${mails.length ? `Les ${mails.length} derniers, du plus récent au plus ancien.` : ''}</p>
${items || '<p>Aucun courriel pour le moment.</p>'}
</body></html>`);
  });
  return app;
}

/** Makes the links of an already-escaped text clickable (they are the point of these mails). */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
