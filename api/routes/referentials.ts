/** GET /api/referentials — every code list the UI and partners need, with French labels. */
import { Hono } from 'hono';
import { referentialsPayload } from '../domain/referentials/index.ts';

export function referentialsRoutes() {
  const app = new Hono();
  const payload = referentialsPayload();
  app.get('/referentials', (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.json(payload);
  });
  return app;
}
