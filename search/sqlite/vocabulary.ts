/** Candidate words for typo tolerance, read from the FTS5 vocabulary (search_fts_vocab). */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { allowedTypos } from '../lexicon/typos.ts';
import type { VocabularyWord } from './text-query.ts';

/** Letters and digits of normalised text, for the words one edit away at the first letter. */
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const AFTER_ANY = '\u{10FFFF}';

/**
 * Indexed words that share the first letter of `word` and whose length can be within its typo
 * budget; when `typing`, longer words too (the typed text may be the start of one). For a
 * two-typo word, also the words one edit away at the first letter (see `typoDistance`).
 */
export async function vocabularyNear(db: Kysely<Database>, word: string, typing: boolean): Promise<VocabularyWord[]> {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  const max = allowedTypos(word);
  const length = [...word].length;
  const longest = typing ? 1000 : length + max;
  const selects: RawBuilder<VocabularyWord>[] = [
    sql`SELECT term, doc FROM search_fts_vocab WHERE term >= ${first} AND term < ${next} AND length(term) BETWEEN ${length - max} AND ${longest}`,
  ];
  if (max >= 2) {
    const starts = firstLetterEdits(word).filter((s) => !s.startsWith(first));
    selects.push(
      ...(typing
        ? starts.map((s) => sql<VocabularyWord>`SELECT term, doc FROM search_fts_vocab WHERE term >= ${s} AND term < ${s + AFTER_ANY}`)
        : [sql<VocabularyWord>`SELECT v.term, v.doc FROM json_each(${JSON.stringify(starts)}) e JOIN search_fts_vocab v ON v.term = e.value`]),
    );
  }
  const { rows } = await sql<VocabularyWord>`${sql.join(selects, sql` UNION `)}`.execute(db);
  return rows;
}

/** The words one edit away from `word` at its first letter: replaced, removed, one added before, first two swapped. */
export function firstLetterEdits(word: string): string[] {
  const chars = [...word];
  const rest = chars.slice(1).join('');
  const edits = new Set<string>([rest]);
  for (const c of ALPHABET) {
    edits.add(c + rest);
    edits.add(c + word);
  }
  if (chars.length > 1) edits.add(chars[1]! + chars[0]! + chars.slice(2).join(''));
  edits.delete(word);
  return [...edits];
}
