/**
 * The Workers build kept real: migrations applied to a local D1 by wrangler, `wrangler dev --local`
 * serving api/worker.ts (no account, no network), then /api/health and an offer read through D1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

  beforeAll(async () => {
    persist = mkdtempSync(join(tmpdir(), 'oi-d1-'));
    const gen = spawnSync('npx', ['tsx', 'seed/cli.ts', 'd1:migrations'], { cwd: root, env, encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    wrangler(['d1', 'migrations', 'apply', 'DB'], persist);
    const now = '2026-06-01T00:00:00.000Z';
    wrangler(
      [
        'd1', 'execute', 'DB', '--command',
        `INSERT INTO structures (id, source, source_id, name, status, updated_on, created_at, updated_at, commune_code, departement_code)
           VALUES ('s-1', 'test', 'structure-1', 'Atelier mobilité du Pays de Mauriac', 'validated', '2026-05-20', '${now}', '${now}', '15120', '15');
         INSERT INTO offers (id, structure_id, source, source_id, name, description, thematiques, status, updated_on, created_at, updated_at, departement_code, zone)
           VALUES ('o-1', 's-1', 'test', 'service-1', 'Location de scooters solidaire', 'Des scooters loués 2 € par jour pour aller travailler.', '["mobilite--acceder-a-un-vehicule"]', 'published', '2026-05-20', '${now}', '${now}', '15', '["15"]');`,
      ],
      persist,
    );
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
    expect(body).toMatchObject({ status: 'ok', runtime: 'workers', offers: 1 });
  });

  it('serves an offer read from D1 with its source ids and structure', async () => {
    const r = await fetch(`${base}/api/offers/o-1`);
    expect(r.status).toBe(200);
    const offer = (await r.json()) as Record<string, any>;
    expect(offer).toMatchObject({ id: 'o-1', source: 'test', source_id: 'service-1', name: 'Location de scooters solidaire' });
    expect(offer.thematiques).toEqual(['mobilite--acceder-a-un-vehicule']);
    expect(offer.structure.name).toBe('Atelier mobilité du Pays de Mauriac');
  });

  it('answers unknown offers with a French problem+json', async () => {
    const r = await fetch(`${base}/api/offers/nope`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(((await r.json()) as { title: string }).title).toBe('Introuvable');
  });
});
