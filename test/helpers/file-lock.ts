/**
 * A lock file shared by parallel test workers: the first creates it (O_EXCL) and runs `task`; the
 * others wait until it is gone, or until `done()` says the work is there. A lock older than
 * `staleMs` was left by a killed run and is taken over.
 */
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';

export async function withFileLock<T>(lock: string, task: () => Promise<T>, options: { done?: () => T | null; waitMs?: number; staleMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      const ready = options.done?.();
      if (ready != null) return ready;
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > (options.staleMs ?? 60_000)) rmSync(lock, { force: true });
      if (Date.now() > deadline) throw new Error(`Still locked: ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lock, { force: true });
  }
}
