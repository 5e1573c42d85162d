/** Commune autocomplete ranking on the real COG (template database). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCommunes } from '../../api/db/territories.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ territories: true });
});
afterAll(async () => {
  await t?.close();
});

const codes = async (q: string, limit = 10) => (await searchCommunes(t.db, q, limit)).map((c) => c.code);
const first = async (q: string) => (await codes(q, 5))[0];

describe('searchCommunes', () => {
  it.each([
    ['st flour', '15187'],
    ['saint-flour', '15187'],
    ['47000', '47001'],
    ['chalon', '71076'],
    ['mont de marsan', '40192'],
    ['clermont', '63113'],
    ['ISSOIRE', '63178'],
  ])('%s → %s first', async (q, code) => {
    expect(await first(q)).toBe(code);
  });

  it('ignores accents, case, hyphens and saint/st', async () => {
    for (const q of ['Saint Flour', 'SAINT FLOUR', 'Saint-Flour', 'st-flour', 'St Flour', 'saînt flôur']) expect(await first(q)).toBe('15187');
    for (const q of ['chalon sur saone', 'Chalon-sur-Saône', 'CHALON SUR SAÔNE']) expect(await first(q)).toBe('71076');
    expect(await first('macon')).toBe('71270');
  });

  it('ranks exact and whole-word matches, then name prefix, word prefix and contains', async () => {
    const found = await codes('clermont', 50);
    expect(found.slice(0, 2)).toEqual(['63113', '60157']); // Clermont-Ferrand, then Clermont (Oise)
    // "Chalonnes" only starts with the query: after "Chalon-sur-Saône" and "Chalon" (whole word).
    const chalon = await codes('chalon', 10);
    expect(chalon.indexOf('49063')).toBeGreaterThan(chalon.indexOf('38066'));
    // Word prefix ("Anglards-de-Saint-Flour") comes after the names starting with the query.
    const flour = await codes('saint flour', 10);
    expect(flour.indexOf('15005')).toBeGreaterThan(flour.indexOf('48150'));
  });

  it('matches every word in any order when the phrase itself is not found', async () => {
    expect(await first('mont marsan')).toBe('40192');
    expect(await first('flour saint')).toBe('15187');
  });

  it('looks up postal codes by prefix and INSEE codes', async () => {
    expect(await codes('15100', 20)).toContain('15187');
    expect(await first('15187')).toBe('15187');
    expect(await first('2A004')).toBe('2A004'); // Ajaccio
    const cantal = await searchCommunes(t.db, '15', 5);
    expect(cantal[0]?.code).toBe('15014'); // Aurillac, the biggest of "15…"
    expect(cantal.every((c) => c.code.startsWith('15') || c.postal_codes.some((p) => p.startsWith('15')))).toBe(true);
  });

  it('answers the autocomplete shape, within the limit', async () => {
    const [agen] = await searchCommunes(t.db, 'agen', 3);
    expect(agen).toMatchObject({ code: '47001', name: 'Agen', postal_codes: ['47000'], departement_code: '47', epci_code: expect.stringMatching(/^\d{9}$/) });
    expect(agen!.population).toBeGreaterThan(30000);
    expect(await searchCommunes(t.db, 'saint', 7)).toHaveLength(7);
    expect(await searchCommunes(t.db, ' - ', 5)).toEqual([]);
    expect(await searchCommunes(t.db, 'zzzzqqq', 5)).toEqual([]);
  });
});
