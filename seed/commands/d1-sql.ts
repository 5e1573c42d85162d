import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { d1Statements } from '../d1-sql.ts';

export const summary = 'écrit le contenu de la base (territoires et catalogue) en SQL pour `wrangler d1 execute --file` (--out, --dept 15,47)';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let values: { out?: string; dept?: string };
  try {
    ({ values } = parseArgs({ args, options: { out: { type: 'string' }, dept: { type: 'string' } } }));
  } catch (error) {
    ctx.err(`Arguments invalides : ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const departements = values.dept?.split(',').map((d) => d.trim()).filter(Boolean);
  if (departements?.some((d) => !/^(\d{2}|2[AB]|97\d)$/.test(d))) {
    ctx.err(`Code département invalide dans « ${values.dept} » (ex. --dept 15,47)`);
    return 2;
  }
  const { db } = openSqlite(ctx.config.databasePath);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  let statements = 0;
  try {
    await migrate(db);
    for await (const statement of d1Statements(db, departements ? { departements } : {})) {
      if (!out.write(statement + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      statements++;
    }
  } finally {
    await db.destroy();
    if (values.out) await new Promise((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
  }
  if (values.out) ctx.out(`SQL écrit dans ${values.out} : ${statements} instruction(s).`);
  return 0;
}
