/**
 * What an offer needs before it goes public: the d·i required fields (nom 3–150 characters,
 * description 5–10,000), at least one thématique, and somewhere to meet — an address with its
 * commune or a point on the map (its own or its structure's), itinerant communes, or remote only.
 * Every problem points to the field to fix, in French, so the UI can send the user back to it.
 */
import type { z } from 'zod';
import { diFieldRules, frenchToday } from './di/schema.ts';
import { inputErrorMap, type FieldProblem } from './field-problem.ts';
import { offerConsistencyProblems } from './offer-input.ts';
import type { OfferInput } from './offer.ts';

/** The place of the offer's structure, used when the offer has none of its own. */
export interface StructurePlace {
  address: string | null;
  commune_code: string | null;
  lon: number | null;
  lat: number | null;
}

export type PublishableOffer = Pick<
  OfferInput,
  | 'name'
  | 'description'
  | 'thematiques'
  | 'publics'
  | 'modes_accueil'
  | 'itinerant_communes'
  | 'address'
  | 'commune_code'
  | 'lon'
  | 'lat'
  | 'age_min'
  | 'age_max'
  | 'capacity'
  | 'places_available'
  | 'sessions'
>;

function hasPlace(p: Pick<StructurePlace, 'address' | 'commune_code' | 'lon' | 'lat'>): boolean {
  return Boolean(p.address?.trim() && p.commune_code) || (p.lon != null && p.lat != null);
}

/** A d·i field rule applied to one value, its first message prefixed with the field's name. */
function fieldRule(path: string, schema: z.ZodType, value: unknown, label: string): FieldProblem[] {
  const r = schema.safeParse(value, { error: inputErrorMap });
  return r.success ? [] : [{ path, message: `${label} : ${r.error.issues[0]?.message ?? 'valeur invalide'}` }];
}

/** Everything that stops the offer from being published; empty when it can go public. */
export function publicationProblems(offer: PublishableOffer, options: { structure?: StructurePlace | null } = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  problems.push(...fieldRule('name', diFieldRules.nom, offer.name.trim(), 'nom de l’offre'));
  if (!offer.description.trim()) {
    problems.push({ path: 'description', message: 'décrivez l’offre (au moins 5 caractères) avant de la publier' });
  } else {
    problems.push(...fieldRule('description', diFieldRules.description, offer.description.trim(), 'description'));
  }
  if (!offer.thematiques?.length) {
    problems.push({ path: 'thematiques', message: 'choisissez au moins une thématique pour que l’offre soit trouvée' });
  }
  if (offer.publics?.includes('tous-publics') && offer.publics.length > 1) {
    problems.push({ path: 'publics', message: '« tous-publics » ne peut pas être utilisé avec d’autres publics' });
  }

  const remote = offer.modes_accueil?.includes('a-distance') ?? false;
  // No mode given means on site; "en présentiel et à distance" still needs a place for the on-site part.
  const onSite = offer.modes_accueil?.includes('en-presentiel') || !remote;
  const itinerant = (offer.itinerant_communes?.length ?? 0) > 0;
  if (onSite && !itinerant && !hasPlace(offer) && !(options.structure && hasPlace(options.structure))) {
    problems.push({
      path: 'address',
      message:
        'indiquez où l’offre a lieu : une adresse et sa commune, un point sur la carte, les communes d’une offre itinérante, ou « à distance » seulement',
    });
  }
  problems.push(...offerConsistencyProblems(offer));
  return problems;
}

/** A suspension needs an end date after today (Paris) and at most a year ahead: beyond, archive instead. */
export function suspensionProblems(until: string | null | undefined, now: Date): FieldProblem[] {
  if (!until) return [{ path: 'until', message: 'indiquez jusqu’à quelle date l’offre est suspendue' }];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
    return [{ path: 'until', message: 'date invalide : format AAAA-MM-JJ attendu' }];
  }
  const today = frenchToday(now);
  if (until <= today) return [{ path: 'until', message: `la date de fin de suspension doit être postérieure à aujourd’hui (${today})` }];
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  const max = limit.toISOString().slice(0, 10);
  if (until > max) return [{ path: 'until', message: `une suspension dure au plus un an (jusqu’au ${max}) : au-delà, archivez l’offre` }];
  return [];
}
