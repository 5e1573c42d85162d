import { describe, expect, it } from 'vitest';
import { de, normalizeForSearch, slugify } from '../../api/domain/text.ts';

describe('de (elision)', () => {
  it('elides before a vowel, accented or not, and only there', () => {
    expect(de('Atelier vélo')).toBe('d’Atelier vélo');
    expect(de('Émilie')).toBe('d’Émilie');
    expect(de('Union des centres')).toBe('d’Union des centres');
    expect(de('Relais mobilité')).toBe('de Relais mobilité');
    expect(de('Habitat Jeunes')).toBe('de Habitat Jeunes');
  });
});

describe('normalizeForSearch', () => {
  it.each([
    ['Saint-Flour', 'saint flour'],
    ['st flour', 'saint flour'],
    ['ST-FLOUR', 'saint flour'],
    ['Ste-Foy-lès-Lyon', 'sainte foy les lyon'],
    ['Chalon-sur-Saône', 'chalon sur saone'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['Œuilly', 'oeuilly'],
    ['Lætitia', 'laetitia'],
    ['  Mont--de   Marsan  ', 'mont de marsan'],
    ['Besançon, (Doubs)!', 'besancon doubs'],
    ['47000', '47000'],
    ['Ébreuil', 'ebreuil'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('only expands "st"/"ste" as whole words', () => {
    expect(normalizeForSearch('Stenay')).toBe('stenay');
    expect(normalizeForSearch('Ouistreham')).toBe('ouistreham');
    expect(normalizeForSearch('Estrées-St-Denis')).toBe('estrees saint denis');
  });

  it('gives an empty string for punctuation only', () => {
    expect(normalizeForSearch(" - ' ")).toBe('');
  });

  it('slugifies area names', () => {
    expect(slugify('Saint-Flour')).toBe('saint-flour');
    expect(slugify('Mâcon')).toBe('macon');
  });
});

/** The definition normalizeForSearch implements in one pass (regular expressions, far slower). */
function reference(s: string): string {
  const abbreviations: Record<string, string> = { st: 'saint', ste: 'sainte' };
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => abbreviations[w] ?? w)
    .join(' ');
}

describe('normalizeForSearch against its definition', () => {
  // Characters that exercise every branch: ASCII, accents (precomposed and combining), letters to
  // spell out, other scripts, digits of other scripts, emoji (surrogate pairs), lone surrogates,
  // punctuation and spaces of every kind.
  const alphabet = [
    ...'aZz09 -\'’.,;:!?()«»\t\n', ...'éÉèàÀçÇôÔûÜïÎÿŸ', 'e\u0301', 'A\u0308', '\u0327', ...'œŒæÆßẞ', ...'αΩжЖ中ı',
    '٣', '²', '½', '😀', '\ud800', '\u00a0', '\u2019', 'st', 'ste', 'St-', 'ﬁ',
  ];

  it('gives what the regular-expression definition gives, on thousands of random texts', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 20);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(normalizeForSearch(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
