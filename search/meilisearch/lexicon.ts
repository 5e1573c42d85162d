/** The shared French lexicon (search/lexicon/), in the shape the settings need. */
import { FRENCH_STOP_WORDS, normalisedSynonymGroups } from '../lexicon/index.ts';
import type { Lexicon } from './settings.ts';

export const LEXICON: Lexicon = { synonymGroups: normalisedSynonymGroups(), stopWords: FRENCH_STOP_WORDS };
