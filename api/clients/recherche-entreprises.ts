/**
 * recherche-entreprises.api.gouv.fr (API Recherche d’entreprises, SIRENE + RNE, open, no key, 7
 * requests/s per IP): find the establishment of a structure by name and commune, or by SIRET, for
 * onboarding. One GET /search per call; answers mapped to the domain's Establishment.
 *
 * What the API does that matters here:
 * - `q` of exactly 14 digits is a direct SIRET lookup: other filters are ignored and
 *   `matching_etablissements` holds only that establishment;
 * - `code_commune` / `code_postal` filter the establishments, so `matching_etablissements` are those
 *   in the commune (the head office may be elsewhere);
 * - closed establishments are returned with `etat_administratif: "F"` (a ceased unit has "C");
 * - non-diffusible units (`statut_diffusion: "P"`) come with "[NON-DIFFUSIBLE]" in place of their
 *   address, coordinates, and name when the unit is a person.
 */
import type { Establishment, EstablishmentMatch } from '../domain/establishment.ts';
import { getJson, ExternalServiceError, type HttpClientOptions } from './http.ts';

export const RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr';
const SERVICE = 'recherche-entreprises.api.gouv.fr';

/** The API refuses shorter text queries. */
export const MIN_QUERY_LENGTH = 3;
/** The API's maximum page size. */
const PER_PAGE = 10;

export interface EstablishmentQuery {
  /** Name (or words of the address) of the structure. */
  q: string;
  /** INSEE code of the commune where the establishment is. */
  communeCode?: string | null;
  postalCode?: string | null;
  page?: number;
}

export interface EstablishmentSearchResult {
  total: number;
  results: EstablishmentMatch[];
}

/** The port the onboarding routes depend on (tests may give another implementation). */
export interface EstablishmentDirectory {
  search(query: EstablishmentQuery): Promise<EstablishmentSearchResult>;
  /** The establishment with this SIRET, or null when the directory does not know it. */
  bySiret(siret: string): Promise<Establishment | null>;
}

const MASK = '[NON-DIFFUSIBLE]';

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string that is not the non-diffusible mask, else null. */
function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t && t !== MASK ? t : null;
}

function coordinate(v: unknown): number | null {
  const t = typeof v === 'number' ? v : Number(text(v) ?? NaN);
  return Number.isFinite(t) ? t : null;
}

/** "14 RUE LEOPOLD FAYE 47200 MARMANDE" → "14 RUE LEOPOLD FAYE" (the API builds `adresse` that way). */
function streetPart(full: string | null, complement: string | null): string | null {
  if (!full) return null;
  let street = full.replace(/\s+\d{5}\s+\S.*$/, '').trim();
  if (complement && street.startsWith(`${complement} `)) street = street.slice(complement.length).trim();
  return street || null;
}

function establishment(raw: Raw, unit: Raw): Establishment {
  const complement = text(raw.complement_adresse);
  const enseignes = Array.isArray(raw.liste_enseignes) ? raw.liste_enseignes.map(text).filter((e): e is string => e !== null) : [];
  const complements = isRecord(unit.complements) ? unit.complements : {};
  const unitCeased = unit.etat_administratif === 'C';
  const closed = raw.etat_administratif === 'F' || unitCeased;
  return {
    siret: String(raw.siret ?? ''),
    siren: String(unit.siren ?? ''),
    name: text(unit.nom_complet) ?? text(unit.nom_raison_sociale),
    establishment_name: enseignes[0] ?? text(raw.nom_commercial),
    address: streetPart(text(raw.adresse), complement),
    address_complement: complement,
    postal_code: text(raw.code_postal),
    commune_code: text(raw.commune),
    commune_name: text(raw.libelle_commune),
    lon: coordinate(raw.longitude),
    lat: coordinate(raw.latitude),
    naf: text(raw.activite_principale) ?? text(unit.activite_principale),
    legal_form: text(unit.nature_juridique),
    is_head_office: raw.est_siege === true,
    closed,
    closed_on: closed ? (text(raw.date_fermeture) ?? (unitCeased ? text(unit.date_fermeture) : null)) : null,
    non_diffusible: ['P', 'N'].includes(String(unit.statut_diffusion)) || ['P', 'N'].includes(String(raw.statut_diffusion_etablissement)),
    rna: text(complements.identifiant_association),
    siae_type: complements.est_siae === true ? text(complements.type_siae) : null,
  };
}

function match(unit: Raw): EstablishmentMatch | null {
  const matching = Array.isArray(unit.matching_etablissements) ? unit.matching_etablissements.filter(isRecord) : [];
  const siege = isRecord(unit.siege) ? unit.siege : null;
  const candidates = matching.length ? matching : siege ? [siege] : [];
  // Matching lists lack the detailed address (complement, street); the head office has it.
  const establishments = candidates.map((raw) => establishment(siege && raw.siret === siege.siret ? siege : raw, unit));
  // Open establishments first: they are the ones a structure can be created from.
  establishments.sort((a, b) => Number(a.closed) - Number(b.closed));
  const [main] = establishments;
  return main ? { ...main, establishments } : null;
}

function results(body: unknown, what: string): { total: number; units: Raw[] } {
  if (!isRecord(body) || !Array.isArray(body.results)) {
    throw new ExternalServiceError(`Réponse inattendue de ${SERVICE} pour ${what}.`, SERVICE, 'invalid');
  }
  return { total: typeof body.total_results === 'number' ? body.total_results : body.results.length, units: body.results.filter(isRecord) };
}

export function createRechercheEntreprisesClient(options: HttpClientOptions = {}): EstablishmentDirectory {
  const base = options.baseUrl ?? RECHERCHE_ENTREPRISES_URL;

  return {
    async search(query) {
      const q = query.q.trim();
      if (q.length < MIN_QUERY_LENGTH) throw new RangeError(`q must have at least ${MIN_QUERY_LENGTH} characters`);
      const params = new URLSearchParams({ q, per_page: String(PER_PAGE), page: String(query.page ?? 1) });
      if (query.communeCode) params.set('code_commune', query.communeCode);
      if (query.postalCode) params.set('code_postal', query.postalCode);
      const what = `les établissements correspondant à « ${q} »`;
      const body = await getJson({ service: SERVICE, what, url: `${base}/search?${params}` }, options);
      const { total, units } = results(body, what);
      return { total, results: units.map(match).filter((m): m is EstablishmentMatch => m !== null) };
    },

    async bySiret(siret) {
      const compact = siret.replace(/\s/g, '');
      if (!/^\d{14}$/.test(compact)) throw new RangeError('siret must have 14 digits');
      const what = `l’établissement de SIRET ${compact}`;
      const body = await getJson({ service: SERVICE, what, url: `${base}/search?${new URLSearchParams({ q: compact })}` }, options);
      for (const unit of results(body, what).units) {
        const found = match(unit)?.establishments.find((e) => e.siret === compact);
        if (found) return found;
      }
      return null;
    },
  };
}
