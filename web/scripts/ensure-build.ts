/**
 * Keeps web/dist in step with the sources for `npm start`: builds the web app with Vite when
 * web/dist is missing or older than any source file it is built from (a stat of ~150 files). Vite
 * is loaded only when a build is needed, so a server without dev dependencies still starts with
 * the last build (or without the web app, saying so).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = join(root, 'web/dist');
const BUILT_MARKER = join(WEB_DIST, 'index.html');
/** What the bundle is made of: the app, its config, and the pure API modules it imports. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'api/domain', 'package-lock.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why a build is needed ("missing", "outdated"), or null when web/dist is up to date. */
export function webBuildNeeded(): 'missing' | 'outdated' | null {
  if (!existsSync(BUILT_MARKER)) return 'missing';
  const built = statSync(BUILT_MARKER).mtimeMs;
  const newest = Math.max(...SOURCES.map((s) => join(root, s)).filter(existsSync).map(newestMtime));
  return newest > built ? 'outdated' : null;
}

export async function buildWeb(options: { quiet?: boolean } = {}): Promise<void> {
  const vite = await import('vite');
  // Vite (and the Preact preset) take NODE_ENV for the build kind: vitest sets "test", a dev server
  // "development"; the bundle served is always the production one.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: join(root, 'web/vite.config.ts'), mode: 'production', logLevel: options.quiet ? 'warn' : 'info' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** Builds when needed; returns whether web/dist can be served. */
export async function ensureWebBuild(log: (line: string) => void): Promise<boolean> {
  const need = webBuildNeeded();
  if (!need) return true;
  log(need === 'missing' ? 'Application web absente : construction (vite build)…' : 'Sources de l’application web modifiées : reconstruction (vite build)…');
  const started = Date.now();
  try {
    await buildWeb({ quiet: true });
    log(`Application web construite (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    log(`Construction de l’application web impossible (${error instanceof Error ? error.message : String(error)}) : ${existsSync(BUILT_MARKER) ? 'la version précédente est servie' : 'seule l’API est servie'}.`);
    return existsSync(BUILT_MARKER);
  }
}
