/** The layout rules of docs/ARCHITECTURE.md, checked on every file so a shortcut cannot creep in. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') || path.endsWith('.tsx') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

const NODE_ENTRIES = new Set(['api/server.ts', 'api/db/sqlite.ts', 'api/mail/smtp.ts']);
/** Packages that only run on Node (drivers, SMTP): allowed in NODE_ENTRIES only. */
const NODE_PACKAGES = ['better-sqlite3', 'nodemailer', 'smtp-server'];

describe('architecture', () => {
  it('keeps api/ on Web-standard APIs (Node-only code only in the Node entry and the SQLite opener)', () => {
    const offenders = tsFiles('api')
      .filter((f) => !NODE_ENTRIES.has(f))
      .flatMap((f) => imports(f).filter((i) => i.startsWith('node:') || NODE_PACKAGES.includes(i) || i.includes('/seed/')).map((i) => `${f} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the Node-only modules out of the Workers build: no api/ module but the Node entry imports them', () => {
    const offenders = tsFiles('api')
      .filter((f) => f !== 'api/server.ts')
      .flatMap((f) => imports(f).filter((i) => i.startsWith('.') && NODE_ENTRIES.has(join(dirname(f), i))).map((i) => `${f} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it('keeps api/domain pure: it imports nothing from db, routes, search, seed or drivers', () => {
    const offenders = tsFiles('api/domain').flatMap((f) =>
      imports(f)
        .filter((i) => /(^|\/)(db|routes|http|search|seed|jobs|auth)\//.test(i) || i.startsWith('node:') || i === 'kysely' || i === 'hono')
        .map((i) => `${f} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reaches the database only through Kysely (no driver outside api/db/sqlite.ts, seed/ and tests)', () => {
    const offenders = [...tsFiles('api'), ...(safeTsFiles('search'))]
      .filter((f) => f !== 'api/db/sqlite.ts' && !f.startsWith('search/sqlite/'))
      .filter((f) => imports(f).includes('better-sqlite3'))
      .map((f) => relative(root, join(root, f)));
    expect(offenders).toEqual([]);
  });
});

function safeTsFiles(dir: string): string[] {
  try {
    return tsFiles(dir);
  } catch {
    return [];
  }
}
