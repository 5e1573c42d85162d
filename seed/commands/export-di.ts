import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { exportDataInclusion } from '../../api/db/exchange.ts';

export const summary = 'exporte le catalogue publié au format data·inclusion v1 (--dept 47, --out fichier ; sortie standard par défaut)';

const USAGE = 'Usage : npm run cli -- export:di [--dept 47] [--out fichier.json]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { dept: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    ctx.err(`Argument invalide : ${error instanceof Error ? error.message : String(error)}`);
    ctx.err(USAGE);
    return 2;
  }
  const dept = values.dept;
  if (dept !== undefined && !/^(\d{2}|2[AB]|97\d)$/.test(dept)) {
    ctx.err(`Code département invalide « ${dept} » (ex. 47, 2A ou 974).`);
    return 2;
  }

  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    const file = await exportDataInclusion(db, {
      dept,
      now: new Date(),
      onSkipped: (s) => {
        for (const e of s.errors) ctx.err(`Ignoré (non conforme au schéma data·inclusion) : ${s.collection} « ${s.source} / ${s.id} » — ${e.path} : ${e.message}`);
      },
    });
    const text = JSON.stringify(file, null, 2) + '\n';
    if (values.out) {
      try {
        await writeFile(values.out, text, 'utf8');
      } catch (error) {
        ctx.err(`Impossible d’écrire « ${values.out} » : ${error instanceof Error ? error.message : String(error)}.`);
        return 1;
      }
      ctx.err(`Export écrit dans ${values.out} : ${file.structures.length} structure(s), ${file.services.length} service(s).`);
    } else {
      ctx.out(text.trimEnd());
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
