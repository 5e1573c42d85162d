/**
 * Command line: `npm run cli -- <command> [args]`. Each command lives in seed/commands/<name>.ts and
 * exports `run(args: string[], ctx: CliContext): Promise<number>` (the exit code) and `summary`.
 */
import { loadConfig } from '../api/config.ts';
import { defaultGeoDir } from './paths.ts';

export interface CliContext {
  config: ReturnType<typeof loadConfig>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const COMMANDS: Record<string, () => Promise<{ run: (args: string[], ctx: CliContext) => Promise<number>; summary: string }>> = {
  migrate: () => import('./commands/migrate.ts'),
  'load:territories': () => import('./commands/load-territories.ts'),
  'load:demo': () => import('./commands/load-demo.ts'),
  'import:di': () => import('./commands/import-di.ts'),
  'export:di': () => import('./commands/export-di.ts'),
  'd1:migrations': () => import('./commands/d1-migrations.ts'),
  'd1:sql': () => import('./commands/d1-sql.ts'),
  reindex: () => import('./commands/reindex.ts'),
  'user:create': () => import('./commands/user-create.ts'),
  'user:grant': () => import('./commands/user-grant.ts'),
  maintenance: () => import('./commands/maintenance.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const ctx: CliContext = {
    config: loadConfig(process.env, { geoDir: defaultGeoDir() }),
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  };
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    ctx.err(name ? `Commande inconnue : ${name}` : 'Usage : npm run cli -- <commande> [arguments]');
    ctx.err('Commandes :');
    for (const [command, mod] of Object.entries(COMMANDS)) ctx.err(`  ${command.padEnd(18)} ${(await mod()).summary}`);
    return 2;
  }
  return (await load()).run(args, ctx);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
