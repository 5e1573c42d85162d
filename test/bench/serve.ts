/**
 * The benchmark's server: the real app on a real @hono/node-server, in its own process (so its
 * memory and CPU are a server's, not the benchmark's). Usage: serve.ts <database> sqlite
 *                                                        serve.ts <database> meilisearch <url> <key> <index>
 * Prints `listening <port>` once ready; stops on SIGTERM.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { createSqliteSearchIndex } from '../../search/sqlite/index.ts';
import { createMeilisearchIndex } from '../../search/meilisearch/index.ts';
import { nodeHttpFetch } from '../../search/node-fetch.ts';
import { createSearchService } from '../../search/service.ts';

const [path, engine, url, key, indexUid] = process.argv.slice(2);
const { db } = openSqlite(path!);
const primary =
  engine === 'meilisearch'
    ? createMeilisearchIndex({ url: url!, apiKey: key!, indexUid: indexUid!, fetch: nodeHttpFetch() })
    : await createSqliteSearchIndex(db);
const app = createApp({
  db,
  config: loadConfig({}),
  clock: () => new Date('2026-06-15T10:00:00Z'),
  logger: { error: (m) => process.stderr.write(`${m}\n`), info() {} },
  runtime: 'node',
  search: createSearchService({ primary }),
});
// Loaded before listening, as a server that has been up for a while (the first search loads the engine's memory).
await app.request('/api/search?q=emploi');
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.stdout.write(`listening ${info.port}\n`));
process.on('SIGTERM', () => server.close(() => void db.destroy().then(() => process.exit(0))));
