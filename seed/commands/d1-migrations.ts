import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from '../cli.ts';
import { MIGRATIONS } from '../../api/db/migrations/index.ts';

export const summary = 'écrit les migrations en SQL pour Cloudflare D1 (par défaut dans .wrangler/migrations)';

/** wrangler applies numbered .sql files; ours are generated from the same statements as SQLite's. */
export async function run(args: string[], ctx: CliContext): Promise<number> {
  const dir = args[0] ?? '.wrangler/migrations';
  mkdirSync(dir, { recursive: true });
  for (const m of MIGRATIONS) {
    const file = join(dir, `${m.name}.sql`);
    writeFileSync(file, m.statements.map((s) => `${s.trim()};`).join('\n\n') + '\n');
    ctx.out(`écrit ${file}`);
  }
  return 0;
}
