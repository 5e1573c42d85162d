/**
 * An establishment of the SIRENE directory as onboarding needs it (found through
 * recherche-entreprises.api.gouv.fr, api/clients/recherche-entreprises.ts), and what a structure
 * may be created from it.
 *
 * Non-diffusible units ("statut de diffusion partielle", INSEE opposition): the directory masks their
 * address and coordinates, and the name too when the unit is a person. We keep only what it shows —
 * a masked value is null here, never the "[NON-DIFFUSIBLE]" placeholder — and ask the person who
 * claims the structure to type the address they want published.
 */
import type { Typology } from './referentials/index.ts';

export interface Establishment {
  siret: string;
  siren: string;
  /** Name of the legal unit (association, commune, company); null when masked. */
  name: string | null;
  /** The establishment's own sign or usual name ("CCAS", "Antenne de Tonneins"), if any. */
  establishment_name: string | null;
  /** Street part of the address ("12 RUE LEOPOLD FAYE"), without postal code and commune. */
  address: string | null;
  address_complement: string | null;
  postal_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  lon: number | null;
  lat: number | null;
  /** Activity code (NAF rév. 2), e.g. 88.99B. */
  naf: string | null;
  /** INSEE legal category (catégorie juridique), e.g. 9220 association déclarée, 7361 CCAS. */
  legal_form: string | null;
  is_head_office: boolean;
  /** Closed establishment (état administratif F) or ceased legal unit (C). */
  closed: boolean;
  closed_on: string | null;
  non_diffusible: boolean;
  /** RNA number of an association (W…), when known. */
  rna: string | null;
  /** Insertion structure (SIAE) type known to the directory (ACI, AI, EI, ETTI, EITI). */
  siae_type: string | null;
}

/** One result of a search: the best matching establishment of a unit, with the others that matched. */
export interface EstablishmentMatch extends Establishment {
  establishments: Establishment[];
}

/** Why a structure cannot be created from this establishment, or null. */
export function establishmentRefusal(e: Pick<Establishment, 'closed' | 'closed_on'>): string | null {
  if (!e.closed) return null;
  const since = e.closed_on ? ` depuis le ${e.closed_on.split('-').reverse().join('/')}` : '';
  return `Cet établissement est fermé${since} au répertoire SIRENE : il ne peut pas être inscrit. Cherchez l’établissement ouvert de votre structure.`;
}

const TYPOLOGY_BY_SIAE: Readonly<Record<string, Typology>> = { ACI: 'aci', AI: 'ai', EI: 'ei', ETTI: 'etti', EITI: 'ei' };

/** INSEE legal categories that tell the typology on their own. */
const TYPOLOGY_BY_LEGAL_FORM: Readonly<Record<string, Typology>> = {
  '7361': 'ccas',
  '7367': 'cias',
  '7210': 'commune',
  '7220': 'departement',
};

/** Communautés urbaines, métropoles, communautés de communes and d'agglomération. */
const EPCI_FORMS = new Set(['7343', '7344', '7346', '7348']);

const ASSOCIATION_FORMS = new Set(['9210', '9220', '9221', '9222', '9223', '9224', '9230', '9240', '9260']);

/** A typology guess from the directory, for the form to propose (the person confirms it). */
export function suggestedTypology(e: Pick<Establishment, 'legal_form' | 'siae_type'>): Typology | null {
  if (e.siae_type && TYPOLOGY_BY_SIAE[e.siae_type]) return TYPOLOGY_BY_SIAE[e.siae_type]!;
  if (e.legal_form && TYPOLOGY_BY_LEGAL_FORM[e.legal_form]) return TYPOLOGY_BY_LEGAL_FORM[e.legal_form]!;
  if (e.legal_form && ASSOCIATION_FORMS.has(e.legal_form)) return 'association';
  if (e.legal_form && EPCI_FORMS.has(e.legal_form)) return 'epci';
  return null;
}

const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'd', 'l', 'en', 'au', 'aux', 'sur', 'sous', 'pour']);

/**
 * The directory writes names in capitals; a form prefilled with them looks shouted.
 * "CENTRE COMMUNAL D'ACTION SOCIALE DE MARMANDE (CCAS)" → "Centre Communal d'Action Sociale de Marmande (CCAS)":
 * acronyms in parentheses (the directory's sigle) stay as they are, and so do names already in mixed case.
 */
export function readableName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(/(\([^)]*\))/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.toLowerCase().replace(/\p{L}+/gu, (word, offset: number) =>
            (i > 0 || offset > 0) && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
          ),
    )
    .join('');
}
