/**
 * The shared French lexicon and text rules both engines are built from: enough synonym groups, the
 * equivalences the insertion programmes use, one meaning per entry, stop words, plural folding, and
 * the typo budget (none under 5 letters, one from 5, two from 9, a wrong first letter counts two).
 */
import { describe, expect, it } from 'vitest';
import { isStopWord, lexiconKey, normalisedSynonymGroups, searchTerms, SYNONYM_GROUPS } from '../../search/lexicon/index.ts';
import { parseQuery, queryCorrectionCandidates } from '../../search/lexicon/query.ts';
import { ftsExpression, parseQuery as sqliteQuery } from '../../search/sqlite/text-query.ts';
import { allowedTypos, typoDistance } from '../../search/lexicon/typos.ts';
import { indexSettings } from '../../search/meilisearch/settings.ts';
import { LEXICON } from '../../search/meilisearch/lexicon.ts';
import { meiliQueryText } from '../../search/meilisearch/query.ts';

const groupOf = (entry: string) => normalisedSynonymGroups().findIndex((g) => g.includes(lexiconKey(entry)));

describe('synonym lexicon', () => {
  it('has at least 40 groups of at least two entries', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(40);
    for (const group of normalisedSynonymGroups()) expect(group.length, group.join(' / ')).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['crèche', 'garde d’enfants', 'mode de garde'],
    ['permis', 'auto-école'],
    ['FLE', 'apprendre le français'],
    ['illettrisme', 'savoirs de base'],
    ['ACI', 'chantier d’insertion'],
    ['CMP', 'santé mentale'],
    ['budget', 'surendettement'],
  ])('puts %s, %s… in one group', (...entries) => {
    const groups = entries.map(groupOf);
    expect(groups[0]).toBeGreaterThanOrEqual(0);
    expect(new Set(groups).size).toBe(1);
  });

  it('gives each entry one meaning: no entry in two groups once normalised', () => {
    const seen = new Map<string, number>();
    normalisedSynonymGroups().forEach((group, g) => {
      for (const key of group) {
        expect(seen.get(key), `« ${key} » in groups ${seen.get(key)} and ${g}`).toBeUndefined();
        seen.set(key, g);
      }
    });
  });

  it('is what Meilisearch gets: every entry finds the rest of its group', () => {
    const synonyms = indexSettings(LEXICON).synonyms!;
    expect(synonyms['creche']).toEqual(expect.arrayContaining(['garde enfant', 'mode garde', 'halte garderie']));
    expect(synonyms['aci']).toEqual(expect.arrayContaining(['chantier insertion']));
    expect(synonyms['chantier insertion']).toContain('aci');
  });
});

describe('text rules', () => {
  it('drops stop words, accents, case and punctuation; folds plurals', () => {
    expect(searchTerms('Les chantiers d’insertion à Saint-Étienne')).toEqual(['chantier', 'insertion', 'saint', 'etienne']);
    expect(searchTerms('Garde d’enfants')).toEqual(searchTerms('garde d’un enfant'));
    for (const w of ['de', 'la', 'les', 'd', 'l', 'a', 'et', 'pour']) expect(isStopWord(w), w).toBe(true);
    // Meaningful for insertion: "sans permis", "sans abri", "tous publics".
    for (const w of ['sans', 'tous', 'permis', 'emploi']) expect(isStopWord(w), w).toBe(false);
  });

  it('recognises lexicon entries of several words, longest first, whatever the plural or stop words', () => {
    expect(parseQuery('chantiers d’insertion maraîchage').map((t) => [t.words.join(' '), t.group !== null])).toEqual([
      ['chantier insertion', true],
      ['maraichage', false],
    ]);
    expect(parseQuery('atelier chantier d’insertion')).toHaveLength(1);
  });

  it('sends Meilisearch a long entry as a short one of its group (it looks synonyms up for three words at most)', () => {
    const long = meiliQueryText('période de mise en situation en milieu professionnel');
    expect(long.split(' ').length).toBeLessThanOrEqual(3);
    expect(groupOf(long)).toBe(groupOf('immersion'));
    expect(meiliQueryText('Le chantier d’insertion')).toBe('chantier insertion');
  });
});

describe('typo budget', () => {
  it('none under 5 letters, one from 5, two from 9', () => {
    expect([allowedTypos('pain'), allowedTypos('jardin'), allowedTypos('boulange'), allowedTypos('boulanger')]).toEqual([0, 1, 1, 2]);
  });

  it('counts edits, swaps as one, and a wrong first letter as two', () => {
    expect(typoDistance('jardn', 'jardin', false)).toBe(1);
    expect(typoDistance('boulangeire', 'boulangerie', false)).toBe(1);
    expect(typoDistance('kardin', 'jardin', false)).toBeGreaterThan(1);
    expect(typoDistance('zoulangerie', 'boulangerie', false)).toBe(2);
    // The word being typed is compared with the start of the candidate.
    expect(typoDistance('boulagn', 'boulangerie', true)).toBe(1);
    expect(typoDistance('boulagn', 'boulangerie', false)).toBeGreaterThan(1);
  });
});

describe('correction into the lexicon', () => {
  const read = (q: string, nearest?: (w: string) => number) => parseQuery(q, nearest).map((t) => [t.words.join(' '), t.group, t.correctedTypos]);

  it('reads a word within the typo budget of a lexicon word as that word, with its group and its typos', () => {
    expect(read('illetrisme')).toEqual([['illettrisme', groupOf('illettrisme'), 1]]);
    expect(read('surendetement')).toEqual([['surendettement', groupOf('budget'), 1]]);
    expect(read('dettr')).toEqual([['dette', groupOf('budget'), 1]]);
    // A word of a lexicon phrase: the phrase is read whole.
    expect(read('garde d’enfnats')).toEqual([['garde enfant', groupOf('crèche'), 1]]);
  });

  it('keeps exact words, short words and words beyond the budget as typed', () => {
    expect(read('permis')).toEqual([['permi', groupOf('permis'), 0]]);
    expect(read('dotta')).toEqual([['dotta', null, 0]]);
    expect(read('cmq')).toEqual([['cmq', null, 0]]);
    expect(read('kudget')).toEqual([['kudget', null, 0]]);
  });

  it('keeps a word the index holds, or one nearer to an indexed word, as typed', () => {
    expect(read('paniers')).toEqual([['papier', groupOf('papiers'), 1]]);
    expect(read('paniers', () => 0)).toEqual([['panier', null, 0]]);
    // « mobilitee » is two typos from « mobilier », one from the indexed « mobilite ».
    expect(read('mobilitee')).toEqual([['mobilier', groupOf('mobilier'), 2]]);
    expect(read('mobilitee', () => 1)).toEqual([['mobilitee', null, 0]]);
    // A last word still being typed, the start of an indexed word and of the phrase's word: the phrase.
    expect(read('permis de conduir', () => 0)).toEqual([['permi conduire', groupOf('permis'), 1]]);
    expect(read('permsi de conduir', (w) => (w === 'conduir' ? 0 : Infinity))).toEqual([['permi conduire', groupOf('permis'), 2]]);
    // Engines look up only the words that could be corrected.
    expect(queryCorrectionCandidates('Atelier illetrisme à Rodez')).toEqual(['illetrisme']);
  });

  it('ranks a corrected word as a typo in the SQLite engine: no alternative without typos', () => {
    const terms = sqliteQuery('illetrisme');
    expect(ftsExpression(terms, 0)).toBeNull();
    expect(ftsExpression(terms, 1)).toContain('"savoir base"');
  });

  it('sends Meilisearch the corrected word, so its synonyms apply', () => {
    expect(meiliQueryText('illetrisme')).toBe('illettrisme');
    expect(meiliQueryText('illetrisme', new Map([['illetrisme', 0]]))).toBe('illetrisme');
  });
});
