/**
 * Loads the demo catalogue into the database, in one transaction. Coordinates come from commune
 * centres (with a small deterministic offset so markers of one commune do not stack) and dates are
 * relative to `now`, so the demo looks fresh whenever it is loaded.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import type { OfferInput } from '../../api/domain/offer.ts';
import type { StructureInput } from '../../api/domain/structure.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { DEMO_DEPARTEMENTS, DEMO_SOURCE } from './index.ts';
import type { DemoDepartement, DemoOffer, DemoStructure } from './types.ts';

const DAY = 86_400_000;

export interface DemoLoadResult {
  structures: number;
  offers: number;
}

export async function loadDemo(
  db: Kysely<Database>,
  now: Date,
  departements: readonly DemoDepartement[] = DEMO_DEPARTEMENTS,
): Promise<DemoLoadResult> {
  const codes = new Set<string>();
  for (const d of departements)
    for (const s of d.structures) {
      codes.add(s.commune);
      for (const o of s.offers) if (o.location) codes.add(o.location.commune);
    }
  const communes = new Map(
    (await db.selectFrom('communes').select(['code', 'name', 'lon', 'lat']).where('code', 'in', [...codes]).execute()).map((c) => [c.code, c]),
  );
  const missing = [...codes].filter((c) => !communes.has(c));
  if (missing.length) throw new Error(`Communes inconnues dans le catalogue de démonstration : ${missing.join(', ')} (chargez d'abord les territoires)`);

  let structures = 0;
  let offers = 0;
  await db.transaction().execute(async (trx) => {
    for (const d of departements) {
      for (const s of d.structures) {
        const place = communes.get(s.commune)!;
        const structureId = await upsertStructureBySource(trx, structureInput(s, place, now), now);
        structures++;
        for (const o of s.offers) {
          const where = o.location ? communes.get(o.location.commune)! : place;
          await upsertOfferBySource(trx, offerInput(o, s, structureId, where, now), now);
          offers++;
        }
      }
    }
  });
  return { structures, offers };
}

interface Place {
  code: string;
  name: string;
  lon: number | null;
  lat: number | null;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A stable offset of a few hundred metres derived from the key. */
function jitter(key: string, place: Place): { lon: number | null; lat: number | null } {
  if (place.lon == null || place.lat == null) return { lon: null, lat: null };
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  const angle = ((h >>> 0) % 360) * (Math.PI / 180);
  const metres = 150 + ((h >>> 9) % 600);
  const dLat = (metres * Math.cos(angle)) / 111_320;
  const dLon = (metres * Math.sin(angle)) / (111_320 * Math.cos((place.lat * Math.PI) / 180));
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lon: round(place.lon + dLon), lat: round(place.lat + dLat) };
}

function structureInput(s: DemoStructure, place: Place, now: Date): StructureInput {
  const confirmed = new Date(now.getTime() - 20 * DAY);
  return {
    source: DEMO_SOURCE,
    source_id: s.key,
    siret: s.siret ?? null,
    name: s.name,
    description: s.description,
    typology: s.typology,
    reseaux_porteurs: s.reseaux_porteurs ?? null,
    address: s.address,
    address_complement: null,
    postal_code: s.postal_code,
    commune_code: s.commune,
    commune_name: place.name,
    ...jitter(s.key, place),
    phone: s.phone ?? null,
    email: s.email ?? null,
    website: s.website ?? null,
    opening_hours: s.opening_hours ?? null,
    accessibility_url: null,
    source_url: null,
    status: s.status ?? 'validated',
    updated_on: isoDate(confirmed),
    confirmed_at: confirmed.toISOString(),
  };
}

function offerInput(o: DemoOffer, s: DemoStructure, structureId: string, place: Place, now: Date): OfferInput {
  const confirmed = new Date(now.getTime() - (o.confirmed_days_ago ?? 30) * DAY);
  const at = o.location ?? { commune: s.commune, address: s.address, postal_code: s.postal_code };
  return {
    structure_id: structureId,
    source: DEMO_SOURCE,
    source_id: o.key,
    name: o.name,
    description: o.description,
    type: o.type,
    thematiques: o.thematiques,
    publics: o.publics,
    publics_details: o.publics_details ?? null,
    age_min: o.age_min ?? null,
    age_max: o.age_max ?? null,
    access_conditions: o.access_conditions ?? null,
    fees: o.fees,
    fees_details: o.fees_details ?? null,
    modes_accueil: o.modes_accueil,
    itinerant_communes: o.itinerant_communes ?? null,
    zone: o.zone,
    address: at.address,
    address_complement: null,
    postal_code: at.postal_code,
    commune_code: at.commune,
    commune_name: place.name,
    ...jitter(o.key, place),
    modes_mobilisation: o.modes_mobilisation,
    mobilisable_par: o.mobilisable_par,
    mobilisation_details: o.mobilisation_details ?? null,
    mobilisation_url: o.mobilisation_url ?? null,
    contact_name: o.contact?.name ?? null,
    phone: o.contact?.phone ?? s.phone ?? null,
    email: o.contact?.email ?? s.email ?? null,
    contact_public: o.contact?.public ?? true,
    opening_hours: o.opening_hours ?? s.opening_hours ?? null,
    weekly_hours: o.weekly_hours ?? null,
    weeks: o.weeks ?? null,
    capacity: o.capacity ?? null,
    places_available: o.places_available ?? null,
    source_url: null,
    status: o.status ?? 'published',
    suspended_until: o.status === 'suspended' ? isoDate(new Date(now.getTime() + (o.suspended_for_days ?? 30) * DAY)) : null,
    update_frequency_months: o.update_frequency_months ?? 6,
    updated_on: isoDate(confirmed),
    confirmed_at: confirmed.toISOString(),
    sessions: (o.sessions ?? []).map((session) => ({
      label: session.label ?? null,
      starts_on: isoDate(new Date(now.getTime() + session.starts_in_days * DAY)),
      ends_on: session.ends_in_days == null ? null : isoDate(new Date(now.getTime() + session.ends_in_days * DAY)),
      capacity: session.capacity ?? null,
      places_available: session.places_available ?? null,
    })),
  };
}
