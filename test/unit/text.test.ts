import { describe, expect, it } from 'vitest';
import { normalizeForSearch, slugify } from '../../api/domain/text.ts';

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
