/** Candidate words for typo tolerance, read from the FTS5 vocabulary (search_fts_vocab). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { allowedTypos } from './typos.ts';
import type { VocabularyWord } from './text-query.ts';

/**
 * Indexed words that share the first letter of `word` and whose length can be within its typo
 * budget; when `typing`, longer words too (the typed text may be the start of one).
 */
export async function vocabularyNear(db: Kysely<Database>, word: string, typing: boolean): Promise<VocabularyWord[]> {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  const max = allowedTypos(word);
  const length = [...word].length;
  const longest = typing ? 1000 : length + max;
  const { rows } = await sql<VocabularyWord>`
    SELECT term, doc FROM search_fts_vocab
    WHERE term >= ${first} AND term < ${next} AND length(term) BETWEEN ${length - max} AND ${longest}`.execute(db);
  return rows;
}
