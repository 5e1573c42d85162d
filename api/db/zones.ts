/**
 * Territories an eligibility zone is made of (d·i zone_eligibilite: communes, EPCI, départements,
 * `france`): EPCI and département lookups for the zone picker, and the names of a zone's codes.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { chunks } from './chunks.ts';
import { normalizeForSearch } from '../domain/text.ts';
import { zoneCodeKind, type ZoneCodeKind } from '../domain/territory.ts';

export interface EpciSummary {
  code: string;
  name: string;
  kind: string;
  population: number | null;
  /** Départements of its communes (most EPCI lie in one). */
  departements: string[];
}

export interface DepartementSummary {
  code: string;
  name: string;
  region_code: string;
}

export interface ZoneName {
  code: string;
  kind: ZoneCodeKind;
  name: string;
  /** The département of a commune (to tell homonyms apart). */
  departement_code: string | null;
}

/** Rank of a name against a normalised query: 0 starts with it, 1 a word starts with it, 2 contains it, 3 every word starts a word; null no match. */
function rankName(name: string, query: string): number | null {
  const n = normalizeForSearch(name);
  if (n.startsWith(query)) return 0;
  if (n.includes(` ${query}`)) return 1;
  if (n.includes(query)) return 2;
  const words = n.split(' ');
  if (query.split(' ').every((q) => words.some((w) => w.startsWith(q)))) return 3;
  return null;
}

async function departementsOfEpci(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (!codes.length) return result;
  const rows = await db.selectFrom('communes').select(['epci_code', 'departement_code']).distinct().where('epci_code', 'in', [...codes]).orderBy('departement_code').execute();
  for (const r of rows) result.set(r.epci_code!, [...(result.get(r.epci_code!) ?? []), r.departement_code]);
  return result;
}

/**
 * EPCI by name (accents, case, hyphens ignored; « CA », « CC » are part of the names) or SIREN;
 * `departement` keeps those with a commune in it. Ranked like the commune search, then by population.
 */
export async function searchEpci(db: Kysely<Database>, q: string, options: { departement?: string | null; limit: number }): Promise<EpciSummary[]> {
  const query = normalizeForSearch(q);
  if (!query) return [];
  let rows = await db.selectFrom('epci').select(['code', 'name', 'kind', 'population']).execute();
  if (options.departement) {
    const inDepartement = new Set(
      (await db.selectFrom('communes').select('epci_code').distinct().where('departement_code', '=', options.departement).where('epci_code', 'is not', null).execute()).map((r) => r.epci_code),
    );
    rows = rows.filter((r) => inDepartement.has(r.code));
  }
  const ranked = /^\d{3,9}$/.test(query)
    ? rows.filter((r) => r.code.startsWith(query)).map((r) => ({ r, rank: 0 }))
    : rows.flatMap((r) => {
        const rank = rankName(r.name, query);
        return rank === null ? [] : [{ r, rank }];
      });
  ranked.sort((a, b) => a.rank - b.rank || (b.r.population ?? 0) - (a.r.population ?? 0) || a.r.name.localeCompare(b.r.name, 'fr'));
  const top = ranked.slice(0, options.limit).map((x) => x.r);
  const departements = await departementsOfEpci(db, top.map((r) => r.code));
  return top.map((r) => ({ ...r, departements: departements.get(r.code) ?? [] }));
}

/** Départements by code or name; every département without a query, by code. */
export async function searchDepartements(db: Kysely<Database>, q: string | undefined, limit: number): Promise<DepartementSummary[]> {
  const rows = await db.selectFrom('departements').select(['code', 'name', 'region_code']).orderBy('code').execute();
  const query = q ? normalizeForSearch(q) : '';
  if (!query) return rows.slice(0, limit);
  const code = query.replace(/ /g, '').toUpperCase();
  const ranked = rows.flatMap((r) => {
    const rank = r.code === code ? -1 : rankName(r.name, query);
    return rank === null ? [] : [{ r, rank }];
  });
  ranked.sort((a, b) => a.rank - b.rank || a.r.code.localeCompare(b.r.code));
  return ranked.slice(0, limit).map((x) => x.r);
}

/** The names of zone codes (unknown codes are left out), in the order given. */
export async function nameZoneCodes(db: Kysely<Database>, codes: readonly string[]): Promise<ZoneName[]> {
  const byKind = (kind: ZoneCodeKind) => codes.filter((c) => zoneCodeKind(c) === kind).map((c) => c.toUpperCase());
  const names = new Map<string, ZoneName>();
  for (const part of chunks(byKind('commune'))) {
    for (const r of await db.selectFrom('communes').select(['code', 'name', 'departement_code']).where('code', 'in', part).execute()) {
      names.set(r.code, { code: r.code, kind: 'commune', name: r.name, departement_code: r.departement_code });
    }
  }
  for (const part of chunks(byKind('epci'))) {
    for (const r of await db.selectFrom('epci').select(['code', 'name']).where('code', 'in', part).execute()) {
      names.set(r.code, { code: r.code, kind: 'epci', name: r.name, departement_code: null });
    }
  }
  for (const part of chunks(byKind('departement'))) {
    for (const r of await db.selectFrom('departements').select(['code', 'name']).where('code', 'in', part).execute()) {
      names.set(r.code, { code: r.code, kind: 'departement', name: r.name, departement_code: r.code });
    }
  }
  if (codes.includes('france')) names.set('france', { code: 'france', kind: 'france', name: 'France entière', departement_code: null });
  return codes.flatMap((c) => {
    const found = names.get(c) ?? names.get(c.toUpperCase());
    return found ? [found] : [];
  });
}

const UNKNOWN_ZONE: Readonly<Record<Exclude<ZoneCodeKind, 'france' | 'pays'>, string>> = {
  commune: 'commune inconnue',
  epci: 'intercommunalité (EPCI) inconnue',
  departement: 'département inconnu',
};

/**
 * The codes of a zone that name no territory we know (communes, EPCI by SIREN, départements), with
 * their index and a French message; `france` and country codes (99xxx) are taken as they are.
 * `onlyLoaded`: leave out the kinds whose table is empty (an import before the territories are loaded).
 */
export async function unknownZoneCodes(
  db: Kysely<Database>,
  codes: readonly string[],
  options: { onlyLoaded?: boolean } = {},
): Promise<Array<{ index: number; code: string; message: string }>> {
  const known = new Set((await nameZoneCodes(db, codes)).map((z) => z.code));
  const loaded = options.onlyLoaded ? await loadedZoneKinds(db) : null;
  return codes.flatMap((code, index) => {
    const kind = zoneCodeKind(code);
    if (kind === null || kind === 'france' || kind === 'pays' || known.has(code.toUpperCase())) return [];
    if (loaded && !loaded.has(kind)) return [];
    return [{ index, code, message: `${UNKNOWN_ZONE[kind]} : ${code}` }];
  });
}

/** The kinds of zone codes whose territory table holds rows. */
async function loadedZoneKinds(db: Kysely<Database>): Promise<Set<ZoneCodeKind>> {
  const kinds = new Set<ZoneCodeKind>();
  if (await db.selectFrom('communes').select('code').limit(1).executeTakeFirst()) kinds.add('commune');
  if (await db.selectFrom('epci').select('code').limit(1).executeTakeFirst()) kinds.add('epci');
  if (await db.selectFrom('departements').select('code').limit(1).executeTakeFirst()) kinds.add('departement');
  return kinds;
}
