/**
 * Referentials: the data·inclusion v1 code lists, our structure typology, the barriers (freins)
 * and the Carnet de bord situations. Pure data and functions, no I/O (also runs on Workers).
 */
import { CATEGORIE_ENTRIES } from './categories.ts';
import { THEMATIQUE_ENTRIES } from './thematiques.ts';
import { PUBLIC_ENTRIES } from './publics.ts';
import { TYPE_SERVICE_ENTRIES } from './types-services.ts';
import { FRAIS_ENTRIES } from './frais.ts';
import { MODE_ACCUEIL_ENTRIES } from './modes-accueil.ts';
import { MODE_MOBILISATION_ENTRIES } from './modes-mobilisation.ts';
import { PERSONNE_MOBILISATRICE_ENTRIES } from './personnes-mobilisatrices.ts';
import { RESEAU_PORTEUR_ENTRIES } from './reseaux-porteurs.ts';
import { TYPOLOGY_ENTRIES } from './typologies.ts';
import { BARRIERS } from './barriers.ts';
import { SITUATIONS } from './situations.ts';

export * from './enum-schema.ts';
export * from './categories.ts';
export * from './thematiques.ts';
export * from './publics.ts';
export * from './types-services.ts';
export * from './frais.ts';
export * from './modes-accueil.ts';
export * from './modes-mobilisation.ts';
export * from './personnes-mobilisatrices.ts';
export * from './reseaux-porteurs.ts';
export * from './typologies.ts';
export * from './barriers.ts';
export * from './situations.ts';

/** The data·inclusion schema version these code lists come from. */
export const DI_REFERENTIALS_VERSION = 'data-inclusion-v1.0.8';

function plain<T extends object>(entries: readonly T[]): T[] {
  return entries.map((e) => JSON.parse(JSON.stringify(e)) as T);
}

/** Body of `GET /api/referentials`: plain JSON, no functions. */
export function referentialsPayload() {
  return {
    version: DI_REFERENTIALS_VERSION,
    categories: plain(CATEGORIE_ENTRIES),
    thematiques: plain(THEMATIQUE_ENTRIES),
    publics: plain(PUBLIC_ENTRIES),
    types: plain(TYPE_SERVICE_ENTRIES),
    frais: plain(FRAIS_ENTRIES),
    modes_accueil: plain(MODE_ACCUEIL_ENTRIES),
    modes_mobilisation: plain(MODE_MOBILISATION_ENTRIES),
    personnes_mobilisatrices: plain(PERSONNE_MOBILISATRICE_ENTRIES),
    reseaux_porteurs: plain(RESEAU_PORTEUR_ENTRIES),
    typologies: plain(TYPOLOGY_ENTRIES),
    barriers: plain(BARRIERS),
    situations: plain(SITUATIONS),
  };
}
export type ReferentialsPayload = ReturnType<typeof referentialsPayload>;

/** Names of the code lists, as keys of the payload. */
export type ReferentialName = Exclude<keyof ReferentialsPayload, 'version'>;

const LABELS: Readonly<Record<ReferentialName, ReadonlyMap<string, string>>> = {
  categories: labelMap(CATEGORIE_ENTRIES),
  thematiques: labelMap(THEMATIQUE_ENTRIES),
  publics: labelMap(PUBLIC_ENTRIES),
  types: labelMap(TYPE_SERVICE_ENTRIES),
  frais: labelMap(FRAIS_ENTRIES),
  modes_accueil: labelMap(MODE_ACCUEIL_ENTRIES),
  modes_mobilisation: labelMap(MODE_MOBILISATION_ENTRIES),
  personnes_mobilisatrices: labelMap(PERSONNE_MOBILISATRICE_ENTRIES),
  reseaux_porteurs: labelMap(RESEAU_PORTEUR_ENTRIES),
  typologies: labelMap(TYPOLOGY_ENTRIES),
  barriers: new Map(BARRIERS.map((b) => [b.key, b.label])),
  situations: new Map(SITUATIONS.map((s) => [s.id, s.label])),
};

function labelMap(entries: readonly { value: string; label: string }[]): ReadonlyMap<string, string> {
  return new Map(entries.map((e) => [e.value, e.label]));
}

/** French label of a code (`labelOf('thematiques', 'famille--garde-denfants')` → « Garde d’enfants »). */
export function labelOf(referential: ReferentialName, value: string): string | undefined {
  return LABELS[referential].get(value);
}

/** Labels of a list of codes; unknown codes are kept as is. */
export function labelsOf(referential: ReferentialName, values: readonly string[]): string[] {
  return values.map((v) => labelOf(referential, v) ?? v);
}
