/** Timing and memory readings for the benchmark, and the tables it prints. */
import { readFileSync } from 'node:fs';

export function percentile(sortedMs: readonly number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank]!;
}

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  /** Queries per second over the whole replay (sequential). */
  qps: number;
}

export function latencies(samplesMs: readonly number[], totalMs: number): Latencies {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), qps: (sorted.length / totalMs) * 1000 };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

/** Peak resident memory of a process, in MB (VmHWM); this process's own when no pid is given. */
export function peakRssMb(pid?: number): number {
  if (pid === undefined) return process.resourceUsage().maxRSS / 1024;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** A Markdown table (pasted as is into README.md). */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
