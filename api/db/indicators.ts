/** The offers the indicators of a département are computed from (domain/indicators.ts); its areas come from territories.ts. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { decodeList } from './json.ts';
import type { IndicatorOffer } from '../domain/indicators.ts';
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
