/** When an edit geocodes its address, keeps its point, takes the person's own point, or drops a stale one. */
import { describe, expect, it } from 'vitest';
import { placeDecision, type PlaceFields } from '../../api/domain/place.ts';
import { daysOverdue, isOverdue } from '../../api/domain/offer.ts';

const stored: PlaceFields = { address: '14 rue Léopold Faye', postal_code: '47200', commune_code: '47157', lon: 0.1664, lat: 44.5009 };

describe('placeDecision', () => {
  it('geocodes a new address in its commune', () => {
    expect(placeDecision(null, { address: ' 3 rue de la Libération ', postal_code: '47200', commune_code: '47157' })).toEqual({
      kind: 'geocode',
      q: '3 rue de la Libération',
      citycode: '47157',
      postcode: '47200',
    });
    expect(placeDecision(stored, { commune_code: '47310' })).toEqual({ kind: 'geocode', q: '14 rue Léopold Faye', citycode: '47310', postcode: '47200' });
  });

  it('keeps the stored point when the place did not change (blanks and spacing aside)', () => {
    expect(placeDecision(stored, {})).toEqual({ kind: 'keep' });
    expect(placeDecision(stored, { address: '14 rue Léopold Faye ', commune_code: '47157' })).toEqual({ kind: 'keep' });
  });

  it('lets coordinates in the body win, null included', () => {
    expect(placeDecision(stored, { address: 'ailleurs', lon: 1, lat: 45 })).toEqual({ kind: 'manual' });
    expect(placeDecision(stored, { lon: null, lat: null })).toEqual({ kind: 'manual' });
  });

  it('drops the old point when the place changed but cannot be geocoded; nothing to drop on a new record', () => {
    expect(placeDecision(stored, { address: null })).toEqual({ kind: 'clear' });
    expect(placeDecision(stored, { commune_code: null })).toEqual({ kind: 'clear' });
    expect(placeDecision({ ...stored, lon: null, lat: null }, { address: null })).toEqual({ kind: 'keep' });
    expect(placeDecision(null, { address: null, commune_code: '47157' })).toEqual({ kind: 'keep' });
  });
});

describe('daysOverdue', () => {
  const now = new Date('2026-06-15T10:00:00Z');
  it('counts whole days since the update fell due, agreeing with isOverdue', () => {
    const offer = { confirmed_at: '2025-12-01T00:00:00.000Z', updated_on: '2025-11-01', update_frequency_months: 6 as const };
    expect(isOverdue(offer, now)).toBe(true);
    expect(daysOverdue(offer, now)).toBe(14);
    const fresh = { ...offer, confirmed_at: '2026-06-01T00:00:00.000Z' };
    expect(isOverdue(fresh, now)).toBe(false);
    expect(daysOverdue(fresh, now)).toBeLessThan(0);
  });

  it('falls back to the date of the last change when the offer was never confirmed', () => {
    expect(daysOverdue({ confirmed_at: null, updated_on: '2026-05-01', update_frequency_months: 1 }, now)).toBe(14);
  });
});
