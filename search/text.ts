/**
 * The text of a search document as both engines index it, in four fields of decreasing weight:
 * the offer's name, the French labels of its codes (so "garde d'enfants" finds an offer tagged
 * famille--garde-denfants whose description never says it), the structure's name, and the rest.
 * Each field is in search-term form (`searchTerms`): the engines see exactly the words queries are
 * reduced to, so phrases, synonyms and plurals line up on both sides and in both engines.
 */
import { labelsOf } from '../api/domain/referentials/index.ts';
import type { SearchDocument } from './document.ts';
import { searchTerms } from './lexicon/index.ts';

export interface DocumentTexts {
  name: string;
  labels: string;
  structure: string;
  description: string;
}

/** The text fields, most important first (the engines weigh them in this order). */
export const TEXT_FIELDS = ['name', 'labels', 'structure', 'description'] as const satisfies readonly (keyof DocumentTexts)[];

function indexedText(...parts: (string | null | undefined)[]): string {
  return searchTerms(parts.filter(Boolean).join(' ')).join(' ');
}

export function documentTexts(doc: SearchDocument): DocumentTexts {
  const labels = [
    ...labelsOf('thematiques', doc.thematiques),
    ...labelsOf('categories', doc.categories),
    ...labelsOf('barriers', doc.barriers),
    ...labelsOf('publics', doc.publics),
    ...labelsOf('types', doc.type ? [doc.type] : []),
    ...labelsOf('frais', doc.fees ? [doc.fees] : []),
    ...labelsOf('modes_accueil', doc.modes_accueil),
  ];
  return {
    name: indexedText(doc.name),
    labels: indexedText(labels.join(' ')),
    structure: indexedText(doc.structure_name),
    description: indexedText(doc.description, doc.publics_details, doc.access_conditions, doc.commune_name),
  };
}
