/** Field-level differences, as the audit log shows them ("who changed what, from what to what"). */
import { describe, expect, it } from 'vitest';
import { diffRecords, hasChanges } from '../../api/domain/diff.ts';
import { auditSnapshot, AUDIT_DIFF_OPTIONS } from '../../api/domain/audit.ts';

describe('diffRecords', () => {
  it('lists each changed field with its value before and after', () => {
    const before = { name: 'Atelier mobilité', phone: '05 53 12 34 56', age_min: 18 };
    const after = { name: 'Atelier mobilité', phone: '05 53 98 76 54', age_min: null };
    expect(diffRecords(before, after)).toEqual({ phone: ['05 53 12 34 56', '05 53 98 76 54'], age_min: [18, null] });
  });

  it('reports every filled field of a new record as coming from null, and nothing for empty ones', () => {
    expect(diffRecords(null, { name: 'Atelier mobilité', email: null, thematiques: ['mobilite--entretenir-reparer-son-vehicule'] })).toEqual({
      name: [null, 'Atelier mobilité'],
      thematiques: [null, ['mobilite--entretenir-reparer-son-vehicule']],
    });
  });

  it('treats absent, undefined and null alike', () => {
    expect(diffRecords({ a: null, b: undefined }, { c: null })).toEqual({});
  });

  it('compares lists and objects by content, not by identity or key order', () => {
    const session = { label: 'Session de printemps', starts_on: '2026-04-01', ends_on: null };
    expect(diffRecords({ sessions: [session] }, { sessions: [{ ends_on: null, starts_on: '2026-04-01', label: 'Session de printemps' }] })).toEqual({});
    expect(hasChanges(diffRecords({ sessions: [session] }, { sessions: [{ ...session, ends_on: '2026-06-30' }] }))).toBe(true);
  });

  it('ignores the order of set-like lists only when told to', () => {
    const before = { publics: ['jeunes', 'femmes'] };
    const after = { publics: ['femmes', 'jeunes'] };
    expect(diffRecords(before, after, { sets: ['publics'] })).toEqual({});
    expect(diffRecords(before, after)).toEqual({ publics: [['jeunes', 'femmes'], ['femmes', 'jeunes']] });
    expect(diffRecords(before, { publics: ['femmes'] }, { sets: ['publics'] })).toEqual({ publics: [['jeunes', 'femmes'], ['femmes']] });
  });

  it('leaves out the fields the server maintains', () => {
    expect(diffRecords({ name: 'A', updated_at: '2026-01-01' }, { name: 'A', updated_at: '2026-02-01' }, { ignore: ['updated_at'] })).toEqual({});
  });
});

describe('audit snapshots of offers', () => {
  it('does not see a change when sessions are rewritten with new ids but the same content', () => {
    const stored = { name: 'Atelier', sessions: [{ id: 'a1', offer_id: 'o1', label: null, starts_on: '2026-09-01', ends_on: null, capacity: 12, places_available: 4 }] };
    const saved = { name: 'Atelier', sessions: [{ label: null, starts_on: '2026-09-01', ends_on: null, capacity: 12, places_available: 4 }] };
    expect(diffRecords(auditSnapshot(stored), auditSnapshot(saved), AUDIT_DIFF_OPTIONS.offer)).toEqual({});
  });

  it('does not report completeness, departement or timestamps as someone’s change', () => {
    const before = { name: 'Atelier', completeness: 0.5, departement_code: '47', updated_at: '2026-01-01T00:00:00Z' };
    const after = { name: 'Atelier', completeness: 0.8, departement_code: '47', updated_at: '2026-06-15T10:00:00Z' };
    expect(diffRecords(auditSnapshot(before), auditSnapshot(after), AUDIT_DIFF_OPTIONS.offer)).toEqual({});
  });
});
