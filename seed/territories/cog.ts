/**
 * The Code officiel géographique as shipped by @etalab/decoupage-administratif (data/*.json), read
 * from disk on demand: nothing is kept in memory between loads.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CogRegion { code: string; nom: string }
export interface CogDepartement { code: string; nom: string; region: string; chefLieu: string }
export interface CogArrondissement { code: string; nom: string; departement: string; chefLieu: string }
export interface CogEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: Array<{ code: string }>;
}
export interface CogCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  region: string;
  arrondissement?: string;
  codesPostaux?: string[];
  population?: number;
  /** Former codes of a commune nouvelle. */
  anciensCodes?: string[];
  /** For a delegated or associated commune: the current commune it belongs to. */
  chefLieu?: string;
}

export interface Cog {
  version: string;
  regions: CogRegion[];
  departements: CogDepartement[];
  arrondissements: CogArrondissement[];
  epci: CogEpci[];
  communes: CogCommune[];
}

const PACKAGE = '@etalab/decoupage-administratif';

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** "@etalab/decoupage-administratif@6.0.0": what territory_loads records as the COG version. */
export async function cogVersion(): Promise<string> {
  const pkg = await readJson<{ version: string }>(join(packageDir(), 'package.json'));
  return `${PACKAGE}@${pkg.version}`;
}

export async function readCog(): Promise<Cog> {
  const dir = join(packageDir(), 'data');
  const [version, regions, departements, arrondissements, epci, communes] = await Promise.all([
    cogVersion(),
    readJson<CogRegion[]>(join(dir, 'regions.json')),
    readJson<CogDepartement[]>(join(dir, 'departements.json')),
    readJson<CogArrondissement[]>(join(dir, 'arrondissements.json')),
    readJson<CogEpci[]>(join(dir, 'epci.json')),
    readJson<CogCommune[]>(join(dir, 'communes.json')),
  ]);
  return { version, regions, departements, arrondissements, epci, communes };
}

/**
 * Old commune code → current commune code (communes nouvelles absorb former communes), so contours
 * drawn on an older COG still land on today's communes. Current codes map to themselves.
 */
export function currentCommuneCodes(communes: CogCommune[]): Map<string, string> {
  const current = new Map<string, string>();
  for (const c of communes) {
    if (c.type !== 'commune-actuelle') continue;
    for (const old of c.anciensCodes ?? []) current.set(old, c.code);
  }
  for (const c of communes) {
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && !current.has(c.code)) current.set(c.code, c.chefLieu);
  }
  for (const c of communes) if (c.type === 'commune-actuelle') current.set(c.code, c.code);
  return current;
}
