/**
 * Developer check of a demo département module, run while writing the catalogue:
 *   npx tsx seed/demo/check.ts 47
 * Validates codes against our referentials and the COG, counts published offers and structures, and prints barrier coverage per area
 * (area = arrondissement). The permanent version of these checks lives in test/.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import OpeningHours from 'opening_hours';
import type { DemoDepartement, DemoOffer, DemoStructure } from './types.ts';
import {
  BARRIERS,
  MODES_MOBILISATION,
  PUBLICS as PUBLIC_VALUES,
  RESEAUX_PORTEURS,
  THEMATIQUES as THEMATIQUE_VALUES,
  TYPES_SERVICES,
  TYPOLOGIES,
} from '../../api/domain/referentials/index.ts';

const require = createRequire(import.meta.url);
const communes: Array<{ code: string; nom: string; type: string; departement: string; arrondissement?: string }> =
  require('@etalab/decoupage-administratif/data/communes.json');
const epcis: Array<{ code: string; nom: string; membres: Array<{ code: string }> }> =
  require('@etalab/decoupage-administratif/data/epci.json');
const arrondissements: Array<{ code: string; nom: string; departement: string; chefLieu: string }> =
  require('@etalab/decoupage-administratif/data/arrondissements.json');



const dept = process.argv[2];
const file = process.argv[3] ?? dept;
if (!dept) throw new Error('usage: npx tsx seed/demo/check.ts <dept>');
const mod = (await import(`./departement-${file}.ts`)) as { default: DemoDepartement };
const data = mod.default;

const THEMATIQUES = new Set<string>(THEMATIQUE_VALUES);
const PUBLICS = new Set<string>(PUBLIC_VALUES);
const TYPES = new Set<string>(TYPES_SERVICES);
const RESEAUX = new Set<string>(RESEAUX_PORTEURS);
const MODES_MOB = new Set<string>(MODES_MOBILISATION);
const BARRIER_CATEGORIES = Object.fromEntries(BARRIERS.map((b) => [b.key, b.categories as readonly string[]]));

const communeByCode = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
const epciByCode = new Map(epcis.map((e) => [e.code, e]));
const epciOfCommune = new Map<string, string>();
for (const e of epcis) for (const m of e.membres) epciOfCommune.set(m.code, e.code);

const errors: string[] = [];
const keys = new Set<string>();
const err = (where: string, msg: string) => errors.push(`${where}: ${msg}`);

function checkHours(where: string, value: string | undefined) {
  if (!value) return;
  try {
    const warnings = new OpeningHours(value, null, 0).getWarnings();
    if (warnings.length) err(where, `opening_hours « ${value} »: ${warnings.join(' ')}`);
  } catch (e) {
    err(where, `opening_hours « ${value} » invalid: ${String(e)}`);
  }
}

function checkCommune(where: string, code: string) {
  if (!communeByCode.has(code)) err(where, `unknown current commune code ${code}`);
}

for (const s of data.structures) {
  const w = `structure ${s.key}`;
  if (keys.has(s.key)) err(w, 'duplicate key');
  keys.add(s.key);
  checkCommune(w, s.commune);
  if (!(TYPOLOGIES as readonly string[]).includes(s.typology)) err(w, `unknown typology ${s.typology}`);
  checkHours(w, s.opening_hours);
  if (s.siret && !/^\d{14}$/.test(s.siret)) err(w, 'siret must be 14 digits');
  for (const r of s.reseaux_porteurs ?? []) if (!RESEAUX.has(r)) err(w, `unknown réseau porteur ${r}`);
  if (s.description.length < 5) err(w, 'description too short');
  for (const o of s.offers) {
    const wo = `offer ${o.key}`;
    if (keys.has(o.key)) err(wo, 'duplicate key');
    keys.add(o.key);
    if (o.name.length < 3 || o.name.length > 150) err(wo, 'name must be 3..150 chars');
    if (o.description.length < 5) err(wo, 'description too short');
    if (!o.thematiques.length) err(wo, 'needs a thématique');
    for (const t of o.thematiques) if (!THEMATIQUES.has(t)) err(wo, `unknown thématique ${t}`);
    for (const p of o.publics) if (!PUBLICS.has(p)) err(wo, `unknown public ${p}`);
    if (o.publics.includes('tous-publics') && o.publics.length > 1) err(wo, 'tous-publics must be alone');
    if (!TYPES.has(o.type)) err(wo, `unknown type ${o.type}`);
    for (const m of o.modes_mobilisation) if (!MODES_MOB.has(m)) err(wo, `unknown mode ${m}`);
    if (!o.modes_accueil.length) err(wo, 'needs a mode d’accueil');
    if (!o.zone.length) err(wo, 'needs a zone');
    for (const z of o.zone) {
      if (z === 'france') continue;
      if (/^\d{9}$/.test(z)) { if (!epciByCode.has(z)) err(wo, `unknown EPCI ${z}`); }
      else if (/^\w{5}$/.test(z)) checkCommune(wo, z);
      else if (!/^\w{2,3}$/.test(z)) err(wo, `bad zone code ${z}`);
    }
    for (const c of o.itinerant_communes ?? []) checkCommune(wo, c);
    checkHours(wo, o.opening_hours);
    if (o.location) checkCommune(wo, o.location.commune);
    if (o.age_min != null && o.age_max != null && o.age_min > o.age_max) err(wo, 'age_min > age_max');
  }
}

const published: Array<{ s: DemoStructure; o: DemoOffer }> = [];
for (const s of data.structures)
  for (const o of s.offers)
    if ((o.status ?? 'published') === 'published' && (s.status ?? 'validated') === 'validated') published.push({ s, o });

const structuresWithPublished = new Set(published.map((p) => p.s.key));
console.log(`département ${dept}: ${data.structures.length} structures (${structuresWithPublished.size} with published offers), ${published.length} published offers, ${data.structures.reduce((n, s) => n + s.offers.length, 0)} offers in all`);
if (published.length < 40) err('counts', 'fewer than 40 published offers');
if (structuresWithPublished.size < 20) err('counts', 'fewer than 20 structures with published offers');
const statuses = new Set<string>(data.structures.flatMap((s) => s.offers.map((o) => o.status ?? 'published')));
for (const st of ['draft', 'suspended', 'archived']) if (!statuses.has(st)) err('mix', `no ${st} offer`);

// Coverage: an offer serves an area when it is eligible for the area's chef-lieu
// and reachable there: located in the area, remote, or itinerant through a commune of the area.
const areas = arrondissements.filter((a) => a.departement === dept);
const distanceKm = (a: [number, number], b: [number, number]) => {
  const R = 6371, toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad, dLon = (b[0] - a[0]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};
const centresPath = new URL('../../../shared/geo/communes-centres.json', import.meta.url);
const centres: Record<string, [number, number]> = existsSync(centresPath) ? JSON.parse(readFileSync(centresPath, 'utf8')) : {};
for (const area of areas) {
  const chef = area.chefLieu;
  const chefEpci = epciOfCommune.get(chef);
  const missing: string[] = [];
  const counts: string[] = [];
  for (const [barrier, cats] of Object.entries(BARRIER_CATEGORIES)) {
    const serving = published.filter(({ s, o }) => {
      if (!o.thematiques.some((t) => cats.includes(t.split('--')[0]!))) return false;
      const eligible = o.zone.some((z) => z === 'france' || z === dept || z === chef || z === chefEpci);
      if (!eligible) return false;
      if (o.modes_accueil.includes('a-distance')) return true;
      if ((o.itinerant_communes ?? []).some((c) => communeByCode.get(c)?.arrondissement === area.code)) return true;
      const where = o.location?.commune ?? s.commune;
      const a = centres[where], b = centres[chef];
      return communeByCode.get(where)?.arrondissement === area.code || (a && b && distanceKm(a, b) <= 30);
    });
    counts.push(`${barrier}=${serving.length}`);
    if (!serving.length) missing.push(barrier);
  }
  console.log(`area ${area.code} ${area.nom}: ${counts.join(' ')}`);
  if (missing.length) err(`coverage ${area.nom}`, `no reachable offer for ${missing.join(', ')}`);
}

if (errors.length) {
  console.log(`\n${errors.length} problem(s):`);
  for (const e of errors) console.log(' - ' + e);
  process.exit(1);
}
console.log('OK');
