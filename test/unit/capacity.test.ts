/** Places: what an accepted orientation takes, and what « complet » sets. */
import { describe, expect, it } from 'vitest';
import { fullChange, isFull, takePlace } from '../../api/domain/capacity.ts';

const TODAY = '2026-06-15';
const session = (id: string, starts_on: string, places_available: number | null, ends_on: string | null = null) => ({ id, label: id === 's1' ? 'Session d’été' : null, starts_on, ends_on, capacity: null, places_available });

describe('taking a place', () => {
  it('takes one of the chosen session, or of the offer; never below zero; unknown stays unknown', () => {
    const offer = { places_available: 3, sessions: [session('s1', '2026-07-06', 2), session('s2', '2026-09-01', null)] };
    expect(takePlace(offer, 's1', TODAY)).toEqual({ ok: true, value: { change: { sessions: [{ id: 's1', places: 1 }] }, session: { label: 'Session d’été (06/07/2026)', starts_on: '2026-07-06' } } });
    expect(takePlace(offer, 's2', TODAY)).toMatchObject({ ok: true, value: { change: { sessions: [] }, session: { label: 'à partir du 01/09/2026' } } });
    expect(takePlace(offer, null, TODAY)).toEqual({ ok: true, value: { change: { offerPlaces: 2, sessions: [] }, session: null } });
    expect(takePlace({ places_available: 0, sessions: [] }, null, TODAY)).toMatchObject({ ok: true, value: { change: { offerPlaces: 0 } } });
    expect(takePlace({ places_available: null, sessions: [] }, null, TODAY)).toEqual({ ok: true, value: { change: { sessions: [] }, session: null } });
  });

  it('refuses an unknown or finished session, on the session_id field', () => {
    const offer = { places_available: 3, sessions: [session('old', '2026-05-01', 4, '2026-06-14'), session('running', '2026-06-01', 1, '2026-06-30')] };
    expect(takePlace(offer, 'nope', TODAY)).toMatchObject({ ok: false, kind: 'invalid', errors: [{ path: 'session_id' }] });
    expect(takePlace(offer, 'old', TODAY)).toMatchObject({ ok: false, errors: [{ path: 'session_id', message: expect.stringContaining('terminée') }] });
    expect(takePlace(offer, 'running', TODAY)).toMatchObject({ ok: true });
  });
});

describe('complet', () => {
  it('sets the offer and its sessions to come to zero, leaves past sessions alone', () => {
    const offer = { places_available: 2, sessions: [session('past', '2026-01-01', 3, '2026-02-01'), session('next', '2026-07-01', 5), session('later', '2026-09-01', null)] };
    expect(fullChange(offer, TODAY)).toEqual({ offerPlaces: 0, sessions: [{ id: 'next', places: 0 }, { id: 'later', places: 0 }] });
    expect(fullChange({ places_available: 0, sessions: [session('next', '2026-07-01', 0)] }, TODAY)).toEqual({ sessions: [] });
    expect(isFull({ places_available: 0 }, TODAY)).toBe(true);
    expect(isFull({ places_available: null }, TODAY)).toBe(false);
  });

  it('is full when every session to come is, whatever the offer’s own count says', () => {
    const full = session('next', '2026-07-01', 0);
    expect(isFull({ places_available: null, sessions: [session('past', '2026-01-01', 3, '2026-02-01'), full] }, TODAY)).toBe(true);
    expect(isFull({ places_available: 4, sessions: [full, session('later', '2026-09-01', 0)] }, TODAY)).toBe(true);
    // One session to come with places left, or with places unknown: not full.
    expect(isFull({ places_available: null, sessions: [full, session('later', '2026-09-01', 2)] }, TODAY)).toBe(false);
    expect(isFull({ places_available: null, sessions: [full, session('later', '2026-09-01', null)] }, TODAY)).toBe(false);
    // Only past sessions: the offer's own count decides.
    expect(isFull({ places_available: 3, sessions: [session('past', '2026-01-01', 0, '2026-02-01')] }, TODAY)).toBe(false);
  });
});
