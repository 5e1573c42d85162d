/** The shared French lexicon (search/lexicon/), in the shape the settings need. */
import type { Lexicon } from './settings.ts';

// TODO(lexicon): import search/lexicon/synonyms.ts and stopwords.ts once they land.
export const LEXICON: Lexicon = { synonymGroups: [], stopWords: [] };
