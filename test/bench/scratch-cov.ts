import { openSqlite } from '../../api/db/sqlite.ts';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { createSqliteSearchIndex } from '../../search/sqlite/index.ts';
import { createSearchService } from '../../search/service.ts';
const { db } = openSqlite('/tmp/explore/bench-50000.sqlite');
const app = createApp({ db, config: loadConfig({}), clock: () => new Date('2026-06-15T10:00:00Z'), logger: { error() {}, info() {} }, runtime: 'node', search: createSearchService({ primary: await createSqliteSearchIndex(db) }) });
for (const d of ['71', '63', '71', '63']) { const t0 = performance.now(); const r = await app.request(`/api/coverage?dept=${d}`); const b: any = await r.json(); console.log(d, r.status, (performance.now() - t0).toFixed(0), 'ms', b.communes.length, JSON.stringify(b.totals.offers).slice(0, 120)); }
await db.destroy();
