/** GET /api/config — what the web app needs to know about this deployment (nothing secret). */
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';

export interface ClientConfig {
  /** MapLibre style URL for production basemaps; null = the offline basemap (our own contours). */
  map_style_url: string | null;
  /** Demo catalogue loaded: the app says so on demo records. */
  demo: boolean;
  /** Development only: mails are read on /dev/outbox. */
  dev_outbox: boolean;
}

export function configRoutes(deps: Pick<AppDeps, 'config'>) {
  const app = new Hono();
  const body: ClientConfig = {
    map_style_url: deps.config.mapStyleUrl,
    demo: deps.config.demo,
    // With SMTP_URL, mails leave for real and the outbox stays empty.
    dev_outbox: !deps.config.production && !deps.config.smtpUrl,
  };
  app.get('/config', (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(body);
  });
  return app;
}
