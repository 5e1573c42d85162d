/**
 * The Workers build kept real: migrations applied to a local D1 by wrangler, `wrangler dev --local`
 * serving api/worker.ts (no account, no network), then /api/health and an offer read through D1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../helpers/db.ts';
import { loadDemo } from '../../seed/demo/load.ts';
import { d1Statements, sqlLiteral } from '../../seed/d1-sql.ts';
import { insertUser } from '../../api/db/users.ts';
import { grantCoordinator } from '../../api/db/roles.ts';
import { hashPassword } from '../../api/auth/password.ts';
import { TEST_PASSWORD, TEST_PASSWORD_ITERATIONS } from '../helpers/auth.ts';

const COORDINATOR_EMAIL = 'coordination15@exemple.fr';

const root = new URL('../..', import.meta.url).pathname;
const wranglerBin = join(root, 'node_modules/.bin/wrangler');
const present = existsSync(wranglerBin);
if (!present) {
  const message = 'WORKERS TEST SKIPPED: wrangler is not installed (run npm ci).';
  if (process.env.REQUIRE_WORKERS === '1') throw new Error(message);
  console.warn(`\n*** ${message} ***\n`);
}

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' };

function wrangler(args: string[], persist: string) {
  const r = spawnSync(wranglerBin, [...args, '--local', '--persist-to', persist], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe.skipIf(!present)('Cloudflare Workers + D1 (wrangler dev --local)', () => {
  let persist: string;
  let child: ChildProcess | undefined;
  let base: string;
  let output = '';
  let offer: { id: string; name: string };
  let published = 0;

  beforeAll(async () => {
    persist = mkdtempSync(join(tmpdir(), 'oi-d1-'));
    const gen = spawnSync('npx', ['tsx', 'seed/cli.ts', 'd1:migrations'], { cwd: root, env, encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    wrangler(['d1', 'migrations', 'apply', 'DB'], persist);
    // Territories and the Cantal demo catalogue, written by the same d1:sql export a deployment uses.
    const source = await createTestDb({ territories: true });
    try {
      await loadDemo(source.db, new Date());
      const statements: string[] = [];
      for await (const statement of d1Statements(source.db, { departements: ['15'] })) statements.push(statement);
      // A coordinator of Cantal, to write through D1 (accounts are not part of the d1:sql export).
      const password = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_ITERATIONS);
      const userId = (await insertUser(source.db, { email: COORDINATOR_EMAIL, name: 'Coordination Cantal', password, verified: true }, new Date()))!;
      await grantCoordinator(source.db, userId, ['15'], new Date());
      for (const table of ['users', 'coordinator_scopes'] as const) {
        for (const row of (await source.db.selectFrom(table).selectAll().execute()) as Array<Record<string, string | number | null>>) {
          const columns = Object.keys(row);
          statements.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => sqlLiteral(row[c] ?? null)).join(', ')});`);
        }
      }
      writeFileSync(join(persist, 'data.sql'), statements.join('\n'));
      offer = await source.db.selectFrom('offers').select(['id', 'name']).where('source_id', '=', '15-ch-aurillac-pass').executeTakeFirstOrThrow();
      published = Number(
        (await source.db.selectFrom('offers').select((eb) => eb.fn.countAll().as('n')).where('departement_code', '=', '15').executeTakeFirstOrThrow()).n,
      );
    } finally {
      await source.close();
    }
    wrangler(['d1', 'execute', 'DB', '--file', join(persist, 'data.sql')], persist);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(wranglerBin, ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persist, '--show-interactive-dev-session=false'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        const r = await fetch(`${base}/api/health`);
        if (r.ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  afterAll(() => {
    if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
    if (persist) rmSync(persist, { recursive: true, force: true });
  });

  it('reports health from the Workers runtime on D1', async () => {
    const r = await fetch(`${base}/api/health`);
    const body = (await r.json()) as { status: string; runtime: string; offers: number };
    expect(r.status).toBe(200);
    // No Meilisearch here: Workers have no SQLite engine, so the database answers, search cannot, and health says so.
    expect(body).toMatchObject({ status: 'degraded', database: 'ok', runtime: 'workers', offers: published, search: { ok: false } });
  });

  it('serves an offer read from D1 with its source ids and structure', async () => {
    const r = await fetch(`${base}/api/offers/${offer.id}`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, any>;
    expect(body).toMatchObject({ id: offer.id, source: 'demo', name: offer.name });
    expect(body.source_id).toMatch(/^15-/);
    expect(body.structure.name).toBeTypeOf('string');
  });

  it('filters by commune eligibility and barrier on D1 (json_each) as on SQLite', async () => {
    const r = await fetch(`${base}/api/offers?commune=15014&barrier=mobilite&size=100`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { total: number; items: Array<{ thematiques: string[] }> };
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) expect(item.thematiques.some((t) => t.startsWith('mobilite--'))).toBe(true);
  });

  it('autocompletes communes from the territories loaded into D1', async () => {
    const r = await fetch(`${base}/api/territories/communes?q=st%20flour`);
    const body = (await r.json()) as { items: Array<{ code: string }> };
    expect(body.items[0]?.code).toBe('15187');
  });

  it('answers unknown offers with a French problem+json', async () => {
    const r = await fetch(`${base}/api/offers/nope`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(((await r.json()) as { title: string }).title).toBe('Introuvable');
  });

  it('signs a coordinator in and edits an offer on D1: the change and its audit entry are stored', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: COORDINATOR_EMAIL, password: TEST_PASSWORD }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookies = login.headers.getSetCookie().map((line) => line.split(';')[0]!);
    const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('csrf='))!.slice('csrf='.length));
    const headers = { 'content-type': 'application/json', origin: base, cookie: cookies.join('; '), 'x-csrf-token': csrf };

    const patch = await fetch(`${base}/api/offers/${offer.id}`, { method: 'PATCH', headers, body: JSON.stringify({ access_conditions: 'Sur orientation du médecin traitant' }) });
    expect(patch.status, await patch.clone().text()).toBe(200);

    const read = (await (await fetch(`${base}/api/offers/${offer.id}`)).json()) as Record<string, any>;
    expect(read.access_conditions).toBe('Sur orientation du médecin traitant');
    const audit = (await (await fetch(`${base}/api/offers/${offer.id}/audit`, { headers })).json()) as { items: Array<Record<string, any>> };
    expect(audit.items[0]).toMatchObject({ action: 'update', actor: { name: 'Coordination Cantal' } });
    expect(audit.items[0]!.changes.access_conditions[1]).toBe('Sur orientation du médecin traitant');

    // Bad input is refused before any statement runs, as on SQLite.
    const bad = await fetch(`${base}/api/offers/${offer.id}`, { method: 'PATCH', headers, body: JSON.stringify({ age_min: -4 }) });
    expect(bad.status).toBe(400);
  });
});
