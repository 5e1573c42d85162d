/**
 * A temporary, migrated SQLite file per test file. With `territories: true` it starts as a copy of a
 * template database (COG territories + contours of the five seed départements) built once per machine
 * and code version under os.tmpdir(), so test files do not each reload 35,000 communes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { MIGRATIONS } from '../../api/db/migrations/index.ts';
import { cogVersion } from '../../seed/territories/cog.ts';
import { loadTerritories } from '../../seed/territories/load.ts';
import { loadContours } from '../../seed/territories/contours.ts';
import { sharedGeoDir } from './shared.ts';
import { withFileLock } from './file-lock.ts';

export interface TestDb {
  db: Kysely<Database>;
  path: string;
  close(): Promise<void>;
}

export const SEED_DEPARTEMENTS = ['15', '40', '47', '63', '71'];

const root = new URL('../..', import.meta.url).pathname;

export async function createTestDb(options: { territories?: boolean } = {}): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'offre-insertion-test-'));
  const path = join(dir, 'test.sqlite');
  if (options.territories) copyFileSync(await territoriesTemplate(), path);
  const { db } = openSqlite(path);
  await migrate(db);
  return {
    db,
    path,
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The template's path, building it first when needed. Its name hashes everything that shapes its
 * content (migrations, loader code, COG version, whether ../shared/geo is there), so a stale template
 * is never reused. Parallel workers: one builds under a lock file, the others wait; the file appears
 * by an atomic rename, so nobody copies a half-written database.
 */
async function territoriesTemplate(): Promise<string> {
  const geoDir = sharedGeoDir('territory template database: commune centres and contours');
  const path = join(tmpdir(), `offre-insertion-territories-${await templateKey(geoDir)}.sqlite`);
  if (existsSync(path)) return path;

  return withFileLock(
    `${path}.lock`,
    async () => {
      if (existsSync(path)) return path;
      const building = `${path}.${process.pid}-${randomUUID()}.tmp`;
      const { db, raw } = openSqlite(building);
      try {
        await migrate(db);
        await loadTerritories(db, { geoDir, now: new Date('2026-01-01T00:00:00Z'), ...(geoDir ? {} : { fetch: noCentresFetch }) });
        if (geoDir) await loadContours(db, SEED_DEPARTEMENTS, { geoDir });
        // One self-contained file (no -wal beside it) so a plain copy is a complete database.
        raw.pragma('journal_mode = DELETE');
      } finally {
        await db.destroy();
      }
      renameSync(building, path);
      return path;
    },
    { done: () => (existsSync(path) ? path : null) },
  );
}

/** Without ../shared/geo (and no network in tests) the template gets no centres rather than no communes. */
const noCentresFetch: typeof fetch = async () => Response.json([]);

async function templateKey(geoDir: string | null): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await cogVersion());
  hash.update(geoDir ? 'geo' : 'no-geo');
  for (const m of MIGRATIONS) hash.update(m.name + m.statements.join(';'));
  const sources = [...readdirSync(join(root, 'seed/territories')).sort().map((name) => `seed/territories/${name}`), 'api/domain/text.ts'];
  for (const file of sources) if (file.endsWith('.ts')) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}
