/**
 * npm run bench:web — the web app's speed targets, measured:
 *   1. bundle sizes (gzip) per chunk from the build manifest; initial JS = the entry and what it
 *      imports statically (target ≤ 80 KB), the map chunk loaded on demand;
 *   2. time to first results: a real server (api/server.ts on a temporary database with the demo
 *      catalogue), Chromium opening /?commune=…&freins=… until the first result card is on screen
 *      (target ≤ 1.5 s on loopback), cold (no HTTP cache) and warm;
 *   3. 5,000 markers: the results map with 5,000 offers, frame times while panning and zooming,
 *      clustered (what the app does) and, for comparison, unclustered.
 * Figures are printed and written to test-artifacts/bench-web.json. Set CHROMIUM_PATH if needed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { ensureWebBuilt, launchBrowser, startServer, WEB_DIST_DIR } from '../../test/e2e/harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const INITIAL_JS_BUDGET_KB = 80;
const FIRST_RESULTS_BUDGET_MS = 1500;
const RUNS = 7;
const MARKERS = 5000;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipKb = (file: string) => kb(gzipSync(readFileSync(join(WEB_DIST_DIR, file)), { level: 9 }).length);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function bundleSizes() {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const [entryKey] = Object.entries(manifest).find(([, c]) => c.isEntry)!;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const i of manifest[key]!.imports ?? []) visit(i);
  };
  visit(entryKey);
  const chunks = Object.entries(manifest)
    .filter(([, c]) => c.file.endsWith('.js'))
    .map(([key, c]) => ({ chunk: c.file.replace(/^assets\//, ''), gzipKb: gzipKb(c.file), initial: initial.has(key), lazy: Boolean(c.isDynamicEntry) }))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  const initialJsKb = Math.round(chunks.filter((c) => c.initial).reduce((n, c) => n + c.gzipKb, 0) * 10) / 10;
  const mapChunk = manifest['src/map/index.ts']!;
  const css = Object.values(manifest).flatMap((c) => c.css ?? []);
  return {
    initialJsKb,
    initialCssKb: Math.round(gzipKb(manifest[entryKey]!.css![0]!) * 10) / 10,
    mapChunkKb: gzipKb(mapChunk.file),
    mapCssKb: gzipKb(mapChunk.css![0]!),
    cssFiles: [...new Set(css)].length,
    chunks,
  };
}

async function main() {
  await ensureWebBuilt();
  const bundle = bundleSizes();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    const cdp = await context.newCDPSession(page);
    // Record when the first result card appears, from the navigation's start.
    await page.addInitScript(() => {
      const w = window as unknown as { firstResultsAt?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('.result-card')) {
          w.firstResultsAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const url = `${server.url}/?commune=47157&freins=mobilite,contraintes_familiales`;
    const timeToResults = async (cold: boolean) => {
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
      await page.goto('about:blank');
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { firstResultsAt?: number }).firstResultsAt !== undefined);
      return Math.round(await page.evaluate(() => (window as unknown as { firstResultsAt: number }).firstResultsAt));
    };
    await timeToResults(false); // server and browser warm-up, not counted
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) cold.push(await timeToResults(true));
    for (let i = 0; i < RUNS; i++) warm.push(await timeToResults(false));
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });

    const mapFile = JSON.parse(readFileSync(join(WEB_DIST_DIR, '.vite/manifest.json'), 'utf8'))['src/map/index.ts'].file as string;
    // The in-page code is plain JavaScript read as text: tsx's name helpers must not reach the browser.
    const markersScript = readFileSync(new URL('./bench-markers.browser.js', import.meta.url), 'utf8').trim().replace(/;$/, '');
    const markers = async (count: number, cluster: boolean, departements: string[] = ['71']) =>
      (await page.evaluate(`(${markersScript})(${JSON.stringify({ mapUrl: `/${mapFile}`, count, cluster, departements })})`)) as { loadMs: number; frames: number[] };
    await page.goto(server.url);
    // Three rounds through every scenario, interleaved so that a busy moment of the machine does
    // not fall on one scenario only; frames of the three runs together.
    const scenarios: Array<[string, number, boolean, string[]]> = [
      ['no marker, blank map', 0, true, []],
      ['no marker, basemap', 0, true, ['71']],
      [`${MARKERS} clustered, basemap`, MARKERS, true, ['71']],
      [`${MARKERS} unclustered, basemap`, MARKERS, false, ['71']],
      [`${MARKERS} clustered, blank map`, MARKERS, true, []],
    ];
    const markerRuns = new Map<string, Array<{ loadMs: number; frames: number[] }>>();
    for (let round = 0; round < 3; round++) {
      for (const [name, count, cluster, departements] of scenarios) markerRuns.set(name, [...(markerRuns.get(name) ?? []), await markers(count, cluster, departements)]);
    }
    const frameStats = (r: { loadMs: number; frames: number[] }) => ({
      dataLoadMs: Math.round(r.loadMs),
      frames: r.frames.length,
      meanFps: Math.round((1000 / (r.frames.reduce((a, b) => a + b, 0) / r.frames.length)) * 10) / 10,
      medianFrameMs: Math.round(median(r.frames) * 10) / 10,
      p95FrameMs: Math.round(percentile(r.frames, 95) * 10) / 10,
      maxFrameMs: Math.round(Math.max(...r.frames)),
    });

    // Headless Chromium draws WebGL in software (SwiftShader): absolute fps are bounded by the CPU and
    // its load. What the markers cost is the ratio to the basemap alone, measured in the same rounds.
    const meanFps = (name: string) => frameStats({ loadMs: 0, frames: markerRuns.get(name)!.flatMap((r) => r.frames) }).meanFps;
    const ratio = (name: string) => Math.round((meanFps(name) / meanFps('no marker, basemap')) * 100) / 100;
    const markerCost = { clusteredOverBasemap: ratio(`${MARKERS} clustered, basemap`), unclusteredOverBasemap: ratio(`${MARKERS} unclustered, basemap`) };

    const result = {
      measuredAt: new Date().toISOString(),
      loadAverage: loadavg()[0],
      chromium: await browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent)),
      bundle,
      firstResults: { url: url.replace(server.url, ''), coldMs: cold, warmMs: warm, coldMedianMs: median(cold), warmMedianMs: median(warm), maxMs: Math.max(...cold, ...warm) },
      markers: {
        count: MARKERS,
        ...Object.fromEntries(
          [...markerRuns].map(([name, rs]) => [name, frameStats({ loadMs: median(rs.map((r) => r.loadMs)), frames: rs.flatMap((r) => r.frames) })]),
        ),
      },
      markerCost,
      budgets: {
        initialJsKb: { budget: INITIAL_JS_BUDGET_KB, ok: bundle.initialJsKb <= INITIAL_JS_BUDGET_KB },
        firstResultsMs: { budget: FIRST_RESULTS_BUDGET_MS, ok: Math.max(...cold, ...warm) <= FIRST_RESULTS_BUDGET_MS },
      },
    };
    mkdirSync(join(root, 'test-artifacts'), { recursive: true });
    writeFileSync(join(root, 'test-artifacts/bench-web.json'), JSON.stringify(result, null, 2));

    console.log('\nBundle (gzip, KB)');
    console.table(bundle.chunks.slice(0, 12));
    console.log(`initial JS ${bundle.initialJsKb} KB (budget ${INITIAL_JS_BUDGET_KB}) · initial CSS ${bundle.initialCssKb} KB · map chunk ${bundle.mapChunkKb} KB + CSS ${bundle.mapCssKb} KB (lazy)`);
    console.log(`\nFirst results on screen (${RUNS} runs each): cold median ${result.firstResults.coldMedianMs} ms, warm median ${result.firstResults.warmMedianMs} ms, worst ${result.firstResults.maxMs} ms (budget ${FIRST_RESULTS_BUDGET_MS})`);
    console.log(`\n${MARKERS} markers on a 640×720 map, 5 eased pans and zooms × 3 runs (software WebGL, headless; load average ${loadavg()[0]!.toFixed(1)}):`);
    const { count: _count, ...markerTable } = result.markers;
    console.table(markerTable);
    console.log(
      `fps ratio to the basemap alone: ${MARKERS} clustered ${markerCost.clusteredOverBasemap} · unclustered ${markerCost.unclusteredOverBasemap} (1 = the markers cost nothing; absolute fps depend on the CPU: software WebGL)`,
    );
    const failed = Object.entries(result.budgets).filter(([, b]) => !b.ok);
    if (failed.length) {
      console.error(`Over budget: ${failed.map(([k]) => k).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
