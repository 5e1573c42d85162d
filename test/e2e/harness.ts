/**
 * Browser tests against a real server: `api/server.ts` (Node, @hono/node-server, the built web app)
 * on a temporary SQLite file holding the territories (template copy) and the demo catalogue, driven
 * by Debian’s Chromium through playwright-core. Without Chromium or ../shared/geo the suites are skipped LOUDLY;
 * REQUIRE_E2E=1 (CI) makes that a failure.
 */
import { hasSharedGeo } from '../helpers/shared.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { createTestDb } from '../helpers/db.ts';
import { freePort } from '../helpers/meilisearch.ts';
import { withFileLock } from '../helpers/file-lock.ts';
import { buildWeb, webBuildNeeded, WEB_DIST } from '../../web/scripts/ensure-build.ts';

export const WEB_DIST_DIR = WEB_DIST;

const root = new URL('../..', import.meta.url).pathname;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(root, 'test-artifacts/e2e');

/** True when Chromium is there; otherwise warns (or throws under REQUIRE_E2E=1). */
export function browserTestsAvailable(): boolean {
  // The test server loads commune centres and contours from ../shared/geo (no network here).
  if (!hasSharedGeo('the browser tests’ server loads commune centres and contours from it')) return false;
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install chromium): browser tests are SKIPPED.`;
  if (process.env.REQUIRE_E2E === '1') throw new Error(`${message} (REQUIRE_E2E=1 makes this a failure)`);
  console.warn(`\n*** ${message} ***\n`);
  return false;
}

/** Builds web/dist once when it is missing or stale; parallel test files wait on a lock file. */
export async function ensureWebBuilt(): Promise<void> {
  await withFileLock(join(root, 'web/.build.lock'), async () => {
    if (webBuildNeeded()) await buildWeb({ quiet: true });
  }, { staleMs: 90_000 });
}

export interface RunningServer {
  url: string;
  /** The server's SQLite file (tests may grant roles there, as `npm run cli -- user:grant` would). */
  databasePath: string;
  close(): Promise<void>;
}

/**
 * `api/server.ts` as `npm start` runs it, on a fresh database copied from the territories template.
 * `fakePublicApis`: SIRENE and the geocoder answered by msw inside the server (fake-public-apis.ts).
 */
export async function startServer(env: Record<string, string> = {}, options: { fakePublicApis?: boolean } = {}): Promise<RunningServer> {
  const t = await createTestDb({ territories: true });
  await t.db.destroy();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const preload = options.fakePublicApis ? ['--import', './test/e2e/fake-public-apis.ts'] : [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...preload, 'api/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: t.path,
      PUBLIC_BASE_URL: url,
      WEB_BUILD: '0',
      SEARCH_ENGINE: 'sqlite',
      DEMO: '1',
      MAP_STYLE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const dir = t.path.replace(/\/[^/]+$/, '');
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (!output.includes(`http://localhost:${port}/`)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, databasePath: t.path, close: stop };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile and the switches that keep it quiet on a closed network. */
export async function launchBrowser(options: { width?: number; height?: number } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'offre-insertion-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // WebGL for MapLibre through the software rasteriser.
      '--enable-unsafe-swiftshader',
    ],
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A full-page screenshot kept under test-artifacts/e2e/ (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core (WCAG 2.1 A and AA rules) on the current page: the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The app's fetches have settled and no spinner is left. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading, .is-loading, [aria-busy="true"]'));
}
