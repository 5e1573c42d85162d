import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { importDataInclusion, type DiImportCounts } from '../../api/db/exchange.ts';

export const summary = 'importe un fichier data·inclusion v1 { structures, services } (--skip-invalid, --dry-run)';

const USAGE = 'Usage : npm run cli -- import:di <fichier.json> [--skip-invalid] [--dry-run]';

function counts(c: DiImportCounts, created: string, updated: string): string {
  return `${c.created} ${created}, ${c.updated} ${updated}`;
}

/** Number of distinct records (`services[3]`) named by a list of error paths. */
function recordsOf(paths: readonly string[]): number {
  return new Set(paths.map((p) => /^(structures|services)\[\d+\]/.exec(p)?.[0] ?? p)).size;
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'skip-invalid': { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } },
    });
  } catch (error) {
    ctx.err(`Argument invalide : ${error instanceof Error ? error.message : String(error)}`);
    ctx.err(USAGE);
    return 2;
  }
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length) {
    ctx.err(USAGE);
    return 2;
  }
  const skipInvalid = parsed.values['skip-invalid'] === true;
  const dryRun = parsed.values['dry-run'] === true;

  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? 'c’est un dossier' : code === 'EACCES' ? 'accès refusé' : String(error);
    ctx.err(`Impossible de lire le fichier « ${path} » : ${reason}.`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    ctx.err(`Le fichier « ${path} » n’est pas un JSON valide : ${error instanceof Error ? error.message : String(error)}.`);
    return 1;
  }

  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    const report = await importDataInclusion(db, json, { now: new Date(), skipInvalid, dryRun });
    for (const e of report.invalid) ctx.err(`${e.path} : ${e.message}`);
    for (const w of report.warnings) ctx.err(`${w.path} : avertissement, ${w.message}`);
    if (report.invalid.length && !skipInvalid) {
      ctx.err(
        `Import refusé : ${recordsOf(report.invalid.map((e) => e.path))} enregistrement(s) invalide(s), rien n’a été écrit. ` +
          'Corrigez le fichier ou relancez avec --skip-invalid pour importer les enregistrements valides.',
      );
      return 1;
    }
    if (dryRun) ctx.out('Simulation (--dry-run) : rien n’a été écrit.');
    ctx.out(`Structures : ${counts(report.structures, 'créée(s)', 'mise(s) à jour')}.`);
    ctx.out(`Services : ${counts(report.services, 'créé(s)', 'mis à jour')}.`);
    if (report.invalid.length) ctx.out(`Enregistrements invalides ignorés : ${recordsOf(report.invalid.map((e) => e.path))}.`);
    return 0;
  } finally {
    await db.destroy();
  }
}
