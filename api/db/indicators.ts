/** What the indicators of a département are computed from (domain/indicators.ts): its offers and its areas. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { decodeList } from './json.ts';
import type { IndicatorArea, IndicatorOffer } from '../domain/indicators.ts';
import type { OfferStatus, UpdateFrequency } from '../domain/offer.ts';

/** The offers of the département's structures (a coordinator's reach), with where they take place. */
export async function indicatorOffers(db: Kysely<Database>, departement: string): Promise<IndicatorOffer[]> {
  const rows = await db
    .selectFrom('offers')
    .innerJoin('structures', 'structures.id', 'offers.structure_id')
    .select([
      'offers.status',
      'offers.thematiques',
      'offers.completeness',
      'offers.confirmed_at',
      'offers.updated_on',
      'offers.update_frequency_months',
      'offers.commune_code',
      'offers.modes_accueil',
      'structures.commune_code as structure_commune_code',
      'structures.status as structure_status',
    ])
    .where('structures.departement_code', '=', departement)
    .execute();
  return rows.map((r) => {
    const remoteOnly = (decodeList(r.modes_accueil) ?? []).join() === 'a-distance';
    return {
      status: r.status as OfferStatus,
      thematiques: decodeList(r.thematiques),
      completeness: r.completeness,
      confirmed_at: r.confirmed_at,
      updated_on: r.updated_on,
      update_frequency_months: r.update_frequency_months as UpdateFrequency,
      place_commune_code: remoteOnly ? null : (r.commune_code ?? r.structure_commune_code),
      structure_status: r.structure_status,
    };
  });
}

/** The département's areas with the codes of their communes. */
export async function indicatorAreas(db: Kysely<Database>, departement: string): Promise<IndicatorArea[]> {
  const rows = await db
    .selectFrom('areas as a')
    .leftJoin('area_communes as ac', 'ac.area_id', 'a.id')
    .select(['a.id', 'a.name', 'a.kind', 'ac.commune_code'])
    .where('a.departement_code', '=', departement)
    .orderBy('a.name')
    .execute();
  const areas = new Map<string, IndicatorArea & { communes: string[] }>();
  for (const r of rows) {
    const area = areas.get(r.id) ?? { id: r.id, name: r.name, kind: r.kind, communes: [] };
    if (r.commune_code) area.communes.push(r.commune_code);
    areas.set(r.id, area);
  }
  return [...areas.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
