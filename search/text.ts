/**
 * The text of a search document as both engines index it, in four fields of decreasing weight:
 * the offer's name, the French labels of its codes (so "garde d'enfants" finds an offer tagged
 * famille--garde-denfants whose description never says it), the structure's name, and the rest.
 * Each field is in search-term form (`searchTerms`): the engines see exactly the words queries are
 * reduced to, so phrases, synonyms and plurals line up on both sides and in both engines.
 */
import { labelOf, referentialsPayload, type ReferentialName } from '../api/domain/referentials/index.ts';
import type { SearchDocument } from './document.ts';
import { searchTermsText } from './lexicon/index.ts';

export interface DocumentTexts {
  name: string;
  labels: string;
  structure: string;
  description: string;
}

/** The text fields, most important first (the engines weigh them in this order). */
export const TEXT_FIELDS = ['name', 'labels', 'structure', 'description'] as const satisfies readonly (keyof DocumentTexts)[];

function indexedText(...parts: (string | null | undefined)[]): string {
  return searchTermsText(parts.filter(Boolean).join(' '));
}

type LabelledReferential = Extract<ReferentialName, 'thematiques' | 'categories' | 'barriers' | 'publics' | 'types' | 'frais' | 'modes_accueil'>;

/** Every code's label in search-term form, per referential, worked out once (tens of thousands of documents share them). */
const LABEL_TERMS: Readonly<Record<LabelledReferential, ReadonlyMap<string, string>>> = (() => {
  const payload = referentialsPayload();
  const codes: Record<LabelledReferential, string[]> = {
    thematiques: payload.thematiques.map((e) => e.value),
    categories: payload.categories.map((e) => e.value),
    barriers: payload.barriers.map((b) => b.key),
    publics: payload.publics.map((e) => e.value),
    types: payload.types.map((e) => e.value),
    frais: payload.frais.map((e) => e.value),
    modes_accueil: payload.modes_accueil.map((e) => e.value),
  };
  const terms = {} as Record<LabelledReferential, Map<string, string>>;
  for (const [referential, values] of Object.entries(codes) as [LabelledReferential, string[]][]) {
    terms[referential] = new Map(values.map((value) => [value, indexedText(labelOf(referential, value) ?? value)]));
  }
  return terms;
})();

/** The labels of these codes, in search-term form, each followed by a space (unknown codes: the code itself). */
function labelTerms(referential: LabelledReferential, values: readonly (string | null)[]): string {
  const terms = LABEL_TERMS[referential];
  let out = '';
  for (const v of values) {
    if (v === null) continue;
    const t = terms.get(v) ?? indexedText(v);
    if (t) out += `${t} `;
  }
  return out;
}

export function documentTexts(doc: SearchDocument): DocumentTexts {
  const labels =
    labelTerms('thematiques', doc.thematiques) +
    labelTerms('categories', doc.categories) +
    labelTerms('barriers', doc.barriers) +
    labelTerms('publics', doc.publics) +
    labelTerms('types', [doc.type]) +
    labelTerms('frais', [doc.fees]) +
    labelTerms('modes_accueil', doc.modes_accueil);
  return {
    name: indexedText(doc.name),
    labels: labels.slice(0, -1),
    structure: indexedText(doc.structure_name),
    description: indexedText(doc.description, doc.publics_details, doc.access_conditions, doc.commune_name),
  };
}
