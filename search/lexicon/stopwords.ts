/**
 * French stop words: articles, prepositions, conjunctions and pronouns that say nothing about an
 * action. Written in normalised form (lower case, no accents: "à" → "a", "où" → "ou"), the form
 * `normalizeForSearch` gives, so elided forms ("d'enfants" → "d enfants") are covered by "d", "l"...
 * Shared by both engines (the Meilisearch engine sends this list as its stopWords setting).
 *
 * Deliberately absent: "sans" (sans abri, sans permis), "ai"/"ei" (association / entreprise
 * d'insertion), "tous" (tous publics) and verbs ("être accompagné").
 */
export const FRENCH_STOP_WORDS: readonly string[] = [
  // articles and elisions
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd',
  // prepositions
  'a', 'au', 'aux', 'en', 'dans', 'par', 'pour', 'sur', 'sous', 'avec', 'chez', 'vers', 'entre', 'contre', 'depuis',
  'pendant', 'jusqu', 'jusque', 'selon', 'via',
  // conjunctions and relatives
  'et', 'ou', 'mais', 'donc', 'ni', 'car', 'que', 'qu', 'qui', 'quoi', 'dont', 'lorsqu', 'lorsque', 'puisqu', 'puisque',
  'si', 'comme',
  // personal and reflexive pronouns
  'je', 'j', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'm', 'te', 't', 'se', 's', 'moi', 'toi',
  'lui', 'leur', 'leurs', 'y',
  // demonstratives
  'ce', 'c', 'cet', 'cette', 'ces', 'ca', 'ceci', 'cela',
  // possessives
  'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos',
  // negation particles
  'ne', 'n',
];

const STOP_WORDS: ReadonlySet<string> = new Set(FRENCH_STOP_WORDS);

/** True for a normalised word (see `normalizeForSearch`) that carries no meaning for search. */
export function isStopWord(normalisedWord: string): boolean {
  return STOP_WORDS.has(normalisedWord);
}
