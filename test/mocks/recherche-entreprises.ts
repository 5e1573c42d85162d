/**
 * msw handlers answering like recherche-entreprises.api.gouv.fr `GET /search` (shape of the API's
 * OpenAPI 1.0.0 `payload`: results[] of legal units with `siege`, `matching_etablissements`,
 * `complements`; establishments in matching lists lose their detailed address fields, as the real
 * API does). The units are made up, with valid SIREN/SIRET keys, in real communes of Lot-et-Garonne:
 * - an insertion association (ACI) in Marmande, with an open head office, an open workshop and a
 *   closed former office in Tonneins;
 * - the CCAS of Marmande;
 * - a non-diffusible sole trader in Marmande (name, address and coordinates masked).
 * Text search: every word of q in the unit's name; code_commune / code_postal filter establishments;
 * 14 digits = SIRET lookup (filters ignored). q shorter than 3 characters → 400 like the API.
 */
import { http, HttpResponse } from 'msw';

export const RECHERCHE_ENTREPRISES = 'https://recherche-entreprises.api.gouv.fr';

const MASK = '[NON-DIFFUSIBLE]';

interface Etab {
  siret: string;
  est_siege: boolean;
  etat_administratif: 'A' | 'F';
  date_creation: string;
  date_fermeture: string | null;
  numero_voie: string | null;
  type_voie: string | null;
  libelle_voie: string | null;
  complement_adresse: string | null;
  code_postal: string;
  commune: string;
  libelle_commune: string;
  latitude: string;
  longitude: string;
  activite_principale: string;
  liste_enseignes: string[] | null;
  tranche_effectif_salarie: string | null;
}

function adresse(e: Etab): string {
  return [e.complement_adresse, e.numero_voie, e.type_voie, e.libelle_voie, e.code_postal, e.libelle_commune].filter(Boolean).join(' ');
}

/** An establishment as the head office (`siege`): every address field. */
function siegeOf(e: Etab, diffusion: 'O' | 'P'): Record<string, unknown> {
  const full = {
    activite_principale: e.activite_principale,
    activite_principale_registre_metier: null,
    annee_tranche_effectif_salarie: e.tranche_effectif_salarie ? '2023' : null,
    adresse: adresse(e),
    caractere_employeur: e.tranche_effectif_salarie ? 'O' : 'N',
    cedex: null,
    code_pays_etranger: null,
    code_postal: e.code_postal,
    commune: e.commune,
    complement_adresse: e.complement_adresse,
    coordonnees: `${e.latitude},${e.longitude}`,
    date_creation: e.date_creation,
    date_debut_activite: e.date_creation,
    date_fermeture: e.date_fermeture,
    date_mise_a_jour: null,
    date_mise_a_jour_insee: '2026-03-02T04:12:51',
    departement: '47',
    distribution_speciale: null,
    epci: '200030435',
    est_siege: e.est_siege,
    etat_administratif: e.etat_administratif,
    geo_adresse: null,
    geo_id: null,
    indice_repetition: null,
    latitude: e.latitude,
    libelle_cedex: null,
    libelle_commune: e.libelle_commune,
    libelle_commune_etranger: null,
    libelle_pays_etranger: null,
    libelle_voie: e.libelle_voie,
    liste_enseignes: e.liste_enseignes,
    liste_finess: null,
    liste_id_bio: null,
    liste_idcc: null,
    liste_id_organisme_formation: null,
    liste_rge: null,
    liste_uai: null,
    longitude: e.longitude,
    nom_commercial: null,
    numero_voie: e.numero_voie,
    region: '75',
    siret: e.siret,
    statut_diffusion_etablissement: diffusion,
    tranche_effectif_salarie: e.tranche_effectif_salarie,
    type_voie: e.type_voie,
  };
  if (diffusion === 'P') {
    for (const field of ['adresse', 'code_postal', 'complement_adresse', 'coordonnees', 'latitude', 'longitude', 'libelle_voie', 'type_voie', 'indice_repetition']) {
      (full as Record<string, unknown>)[field] = MASK;
    }
    full.liste_enseignes = e.liste_enseignes ? e.liste_enseignes.map(() => MASK) : null;
  }
  return full;
}

/** An establishment in `matching_etablissements`: the API drops the detailed address fields there. */
function matchingOf(e: Etab, diffusion: 'O' | 'P'): Record<string, unknown> {
  const s = siegeOf(e, diffusion);
  for (const hidden of ['activite_principale_registre_metier', 'coordonnees', 'cedex', 'code_pays_etranger', 'complement_adresse', 'date_mise_a_jour', 'date_mise_a_jour_insee', 'departement', 'distribution_speciale', 'geo_adresse', 'indice_repetition', 'libelle_cedex', 'libelle_commune_etranger', 'libelle_pays_etranger', 'libelle_voie', 'numero_voie', 'type_voie']) {
    delete s[hidden];
  }
  return s;
}

interface Unit {
  siren: string;
  nom_complet: string;
  nom_raison_sociale: string | null;
  sigle: string | null;
  nature_juridique: string;
  activite_principale: string;
  section_activite_principale: string;
  categorie_entreprise: string | null;
  date_creation: string;
  etat_administratif: 'A' | 'C';
  statut_diffusion: 'O' | 'P';
  tranche_effectif_salarie: string | null;
  complements: Record<string, unknown>;
  etablissements: Etab[];
}

const COMPLEMENTS_DEFAULTS = {
  collectivite_territoriale: null,
  convention_collective_renseignee: false,
  liste_idcc: null,
  egapro_renseignee: false,
  est_achats_responsables: false,
  est_alim_confiance: false,
  est_association: false,
  est_bio: false,
  est_entrepreneur_individuel: false,
  est_entrepreneur_spectacle: false,
  est_ess: false,
  est_finess: false,
  est_organisme_formation: false,
  est_qualiopi: false,
  liste_id_organisme_formation: null,
  est_rge: false,
  est_service_public: false,
  est_administration: false,
  est_l100_3: false,
  est_siae: false,
  est_societe_mission: false,
  est_uai: false,
  est_patrimoine_vivant: false,
  bilan_ges_renseigne: false,
  identifiant_association: null,
  statut_entrepreneur_spectacle: null,
  type_siae: null,
};

const MARMANDE = { code_postal: '47200', commune: '47157', libelle_commune: 'MARMANDE' };

/** Insertion association (ACI) of the Marmande area. */
export const ASSOCIATION_SIREN = '417628930';
export const ASSOCIATION_HEAD_OFFICE_SIRET = '41762893000022';
export const ASSOCIATION_WORKSHOP_SIRET = '41762893000030';
export const ASSOCIATION_CLOSED_SIRET = '41762893000014';
export const CCAS_SIRET = '26470021200014';
export const NON_DIFFUSIBLE_SIRET = '88245170100016';
/** Valid key, unknown to the directory. */
export const UNKNOWN_SIRET = '51234807900017';

export const UNITS: Unit[] = [
  {
    siren: ASSOCIATION_SIREN,
    nom_complet: 'TREMPLIN VAL DE GARONNE',
    nom_raison_sociale: 'TREMPLIN VAL DE GARONNE',
    sigle: null,
    nature_juridique: '9220',
    activite_principale: '88.99B',
    section_activite_principale: 'Q',
    categorie_entreprise: 'PME',
    date_creation: '1998-03-12',
    etat_administratif: 'A',
    statut_diffusion: 'O',
    tranche_effectif_salarie: '21',
    complements: { ...COMPLEMENTS_DEFAULTS, est_association: true, est_ess: true, est_siae: true, type_siae: 'ACI', identifiant_association: 'W472000815' },
    etablissements: [
      {
        siret: ASSOCIATION_HEAD_OFFICE_SIRET,
        est_siege: true,
        etat_administratif: 'A',
        date_creation: '2021-07-01',
        date_fermeture: null,
        numero_voie: '14',
        type_voie: 'RUE',
        libelle_voie: 'LEOPOLD FAYE',
        complement_adresse: null,
        ...MARMANDE,
        latitude: '44.500873',
        longitude: '0.166412',
        activite_principale: '88.99B',
        liste_enseignes: null,
        tranche_effectif_salarie: '11',
      },
      {
        siret: ASSOCIATION_WORKSHOP_SIRET,
        est_siege: false,
        etat_administratif: 'A',
        date_creation: '2016-09-01',
        date_fermeture: null,
        numero_voie: '2',
        type_voie: 'CHEMIN',
        libelle_voie: 'DE LA GRAVETTE',
        complement_adresse: 'ZONE ARTISANALE',
        ...MARMANDE,
        latitude: '44.489120',
        longitude: '0.180554',
        activite_principale: '38.32Z',
        liste_enseignes: ['RESSOURCERIE DU VAL'],
        tranche_effectif_salarie: '12',
      },
      {
        siret: ASSOCIATION_CLOSED_SIRET,
        est_siege: false,
        etat_administratif: 'F',
        date_creation: '1998-03-12',
        date_fermeture: '2021-06-30',
        numero_voie: null,
        type_voie: 'ZA',
        libelle_voie: 'DE LAGRAVE',
        complement_adresse: null,
        code_postal: '47400',
        commune: '47310',
        libelle_commune: 'TONNEINS',
        latitude: '44.398102',
        longitude: '0.316240',
        activite_principale: '88.99B',
        liste_enseignes: null,
        tranche_effectif_salarie: null,
      },
    ],
  },
  {
    siren: '264700212',
    nom_complet: "CENTRE COMMUNAL D'ACTION SOCIALE DE MARMANDE (CCAS)",
    nom_raison_sociale: "CENTRE COMMUNAL D'ACTION SOCIALE DE MARMANDE",
    sigle: 'CCAS',
    nature_juridique: '7361',
    activite_principale: '88.99B',
    section_activite_principale: 'Q',
    categorie_entreprise: 'PME',
    date_creation: '1978-01-01',
    etat_administratif: 'A',
    statut_diffusion: 'O',
    tranche_effectif_salarie: '12',
    complements: { ...COMPLEMENTS_DEFAULTS, est_service_public: true, est_administration: true },
    etablissements: [
      {
        siret: CCAS_SIRET,
        est_siege: true,
        etat_administratif: 'A',
        date_creation: '1978-01-01',
        date_fermeture: null,
        numero_voie: '3',
        type_voie: 'RUE',
        libelle_voie: 'DE LA LIBERATION',
        complement_adresse: 'HOTEL DE VILLE',
        ...MARMANDE,
        latitude: '44.499631',
        longitude: '0.164902',
        activite_principale: '88.99B',
        liste_enseignes: ['CCAS'],
        tranche_effectif_salarie: '12',
      },
    ],
  },
  {
    siren: '882451701',
    nom_complet: MASK,
    nom_raison_sociale: null,
    sigle: null,
    nature_juridique: '1000',
    activite_principale: '85.59A',
    section_activite_principale: 'P',
    categorie_entreprise: 'PME',
    date_creation: '2020-02-17',
    etat_administratif: 'A',
    statut_diffusion: 'P',
    tranche_effectif_salarie: null,
    complements: { ...COMPLEMENTS_DEFAULTS, est_entrepreneur_individuel: true, est_organisme_formation: true },
    etablissements: [
      {
        siret: NON_DIFFUSIBLE_SIRET,
        est_siege: true,
        etat_administratif: 'A',
        date_creation: '2020-02-17',
        date_fermeture: null,
        numero_voie: '7',
        type_voie: 'IMP',
        libelle_voie: 'DES ACACIAS',
        complement_adresse: null,
        ...MARMANDE,
        latitude: '44.503310',
        longitude: '0.157102',
        activite_principale: '85.59A',
        liste_enseignes: null,
        tranche_effectif_salarie: null,
      },
    ],
  },
];

function normalize(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

function unitPayload(unit: Unit, matching: Etab[]): Record<string, unknown> {
  const siege = unit.etablissements.find((e) => e.est_siege)!;
  return {
    siren: unit.siren,
    nom_complet: unit.nom_complet,
    nom_raison_sociale: unit.nom_raison_sociale,
    sigle: unit.sigle,
    nombre_etablissements: unit.etablissements.length,
    nombre_etablissements_ouverts: unit.etablissements.filter((e) => e.etat_administratif === 'A').length,
    siege: siegeOf(siege, unit.statut_diffusion),
    activite_principale: unit.activite_principale,
    categorie_entreprise: unit.categorie_entreprise,
    caractere_employeur: unit.tranche_effectif_salarie ? 'O' : 'N',
    annee_categorie_entreprise: '2023',
    date_creation: unit.date_creation,
    date_fermeture: null,
    date_mise_a_jour: '2026-03-02T04:12:51',
    date_mise_a_jour_insee: '2026-03-02T04:12:51',
    date_mise_a_jour_rne: null,
    dirigeants: [],
    etat_administratif: unit.etat_administratif,
    nature_juridique: unit.nature_juridique,
    section_activite_principale: unit.section_activite_principale,
    tranche_effectif_salarie: unit.tranche_effectif_salarie,
    annee_tranche_effectif_salarie: unit.tranche_effectif_salarie ? '2023' : null,
    statut_diffusion: unit.statut_diffusion,
    matching_etablissements: matching.map((e) => matchingOf(e, unit.statut_diffusion)),
    finances: null,
    complements: unit.complements,
  };
}

function page(results: Record<string, unknown>[], perPage: number, pageNumber: number) {
  return {
    results: results.slice((pageNumber - 1) * perPage, pageNumber * perPage),
    total_results: results.length,
    page: pageNumber,
    per_page: perPage,
    total_pages: Math.ceil(results.length / perPage),
  };
}

/** The /search endpoint over UNITS. */
export function searchAnswer(url: URL): Response {
  const q = (url.searchParams.get('q') ?? '').trim();
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 10), 25);
  const pageNumber = Number(url.searchParams.get('page') ?? 1);
  if (/^\d{14}$/.test(q)) {
    const unit = UNITS.find((u) => u.etablissements.some((e) => e.siret === q));
    const etab = unit?.etablissements.find((e) => e.siret === q);
    return HttpResponse.json(page(unit && etab ? [unitPayload(unit, [etab])] : [], perPage, pageNumber));
  }
  if (q.length < 3) return HttpResponse.json({ erreur: 'Veuillez indiquer au moins 3 caractères.' }, { status: 400 });
  const words = normalize(q).split(' ');
  const commune = url.searchParams.get('code_commune');
  const postal = url.searchParams.get('code_postal');
  const found = UNITS.flatMap((unit) => {
    if (unit.statut_diffusion === 'P') return []; // masked names are not searchable
    const name = normalize(`${unit.nom_complet} ${unit.sigle ?? ''}`);
    if (!words.every((w) => name.includes(w))) return [];
    const matching = unit.etablissements.filter((e) => (!commune || e.commune === commune) && (!postal || e.code_postal === postal));
    if ((commune || postal) && !matching.length) return [];
    return [unitPayload(unit, matching)];
  });
  return HttpResponse.json(page(found, perPage, pageNumber));
}

export const rechercheEntreprisesHandlers = [http.get(`${RECHERCHE_ENTREPRISES}/search`, ({ request }) => searchAnswer(new URL(request.url)))];
