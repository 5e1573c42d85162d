/** Pure pieces of the structure space and the coordination pages: the hours editor's OSM syntax, the coverage tables and their CSV, the history's French. */
import { describe, expect, it } from 'vitest';
import { daysToOsm, rowsFromOsm, rowsToOsm } from '../../web/src/structure/opening-hours-rows.ts';
import { toCsv } from '../../web/src/coordination/csv.ts';
import { mapRows, mapRowsCsv, territoryBarrierCsv, unmetNeedsCsv } from '../../web/src/coordination/coverage-tables.ts';
import type { Coverage } from '../../web/src/api/space-types.ts';
import { fieldLabel, valueText } from '../../web/src/structure/field-labels.ts';
import { label } from '../../web/src/state/referentials.ts';
import type { Referentials } from '../../web/src/api/types.ts';
import { referentialsPayload } from '../../api/domain/referentials/index.ts';

describe('opening hours rows ⇄ OSM syntax', () => {
  it('writes consecutive days as a range, from three days on', () => {
    expect(daysToOsm(['Fr', 'Mo', 'Tu', 'We', 'Th'])).toBe('Mo-Fr');
    expect(daysToOsm(['Mo', 'Tu'])).toBe('Mo,Tu');
    expect(daysToOsm(['Mo', 'Tu', 'We', 'Fr', 'Su'])).toBe('Mo-We,Fr,Su');
  });

  it('joins rows with « ; », leaves out rows without a day or a complete range', () => {
    const osm = rowsToOsm([
      { days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], ranges: [{ from: '09:00', to: '12:00' }, { from: '14:00', to: '17:00' }] },
      { days: ['Sa'], ranges: [{ from: '09:00', to: '12:00' }, { from: '14:00', to: '' }] },
      { days: [], ranges: [{ from: '10:00', to: '11:00' }] },
      { days: ['Su'], ranges: [] },
    ]);
    expect(osm).toBe('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00');
    expect(rowsToOsm([])).toBe('');
  });

  it('reads back what it writes, and the API’s normalised simple values', () => {
    const rows = [
      { days: ['Mo', 'Tu', 'We'] as const, ranges: [{ from: '08:30', to: '12:00' }] },
      { days: ['Fr'] as const, ranges: [{ from: '13:30', to: '16:30' }] },
    ].map((r) => ({ days: [...r.days], ranges: r.ranges }));
    expect(rowsFromOsm(rowsToOsm(rows))).toEqual(rows);
    expect(rowsFromOsm('Mo,We 09:00-12:00;Tu 14:00-18:00')).toEqual([
      { days: ['Mo', 'We'], ranges: [{ from: '09:00', to: '12:00' }] },
      { days: ['Tu'], ranges: [{ from: '14:00', to: '18:00' }] },
    ]);
    expect(rowsFromOsm('')).toEqual([]);
    expect(rowsFromOsm(null)).toEqual([]);
  });

  it('leaves richer values to the raw field', () => {
    for (const value of ['24/7', 'Mo-Fr 09:00-12:00; PH off', 'Jan-Jun Mo 09:00-12:00', 'Mo-Fr 09:00-25:00', 'Fr-Mo 10:00-12:00', 'sunrise-sunset']) {
      expect(rowsFromOsm(value), value).toBeNull();
    }
  });
});

describe('CSV of the dashboard tables', () => {
  it('has a BOM, « ; » separators, CRLF ends, French decimals and quoted fields where needed', () => {
    const csv = toCsv([
      ['Commune', 'Offres', 'Part'],
      ['Villeneuve-sur-Lot', 12, 0.25],
      ['Saint-Pierre; "le haut"', 0, null],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Commune;Offres;Part', 'Villeneuve-sur-Lot;12;0,25', '"Saint-Pierre; ""le haut""";0;', '']);
  });
});

describe('coverage tables', () => {
  const counts = (values: Record<string, number>) => ({ mobilite: 0, sante: 0, ...values }) as any;
  const coverage = {
    departement: { code: '47', name: 'Lot-et-Garonne' },
    radius_km: 30,
    day: '2026-06-15',
    period: { from: '2025-06-16', to: '2026-06-15' },
    barriers: [
      { key: 'mobilite', label: 'Mobilité' },
      { key: 'sante', label: 'Santé' },
    ],
    totals: { offers: counts({ mobilite: 3, sante: 1 }), zones_blanches: counts({ sante: 1 }), unmet_needs: counts({ sante: 4 }) },
    communes: [
      { code: '47157', name: 'Marmande', population: 17000, centre: true, offers: counts({ mobilite: 3, sante: 1 }), unmet_needs: counts({}) },
      { code: '47001', name: 'Agen', population: 32000, centre: true, offers: counts({ mobilite: 2 }), unmet_needs: counts({ sante: 4 }) },
    ],
    areas: [{ id: 'a1', name: 'Marmande', kind: 'arrondissement', communes: 2, offers: counts({ mobilite: 3, sante: 1 }), zones_blanches: counts({ sante: 1 }), unmet_needs: counts({ sante: 4 }) }],
  } as Coverage;

  it('lists one barrier by commune, zones blanches first', () => {
    expect(mapRows(coverage, 'communes', 'sante').map((r) => [r.name, r.offers, r.unmet])).toEqual([
      ['Agen', 0, 4],
      ['Marmande', 1, 0],
    ]);
    expect(mapRowsCsv(mapRows(coverage, 'areas', 'sante'), 'areas', 'Santé')).toEqual([
      ['Territoire', 'Santé : offres accessibles', 'Communes sans offre', 'Besoins non couverts'],
      ['Marmande', 1, 1, 4],
    ]);
  });

  it('writes the territory × barrier and unmet-needs tables with the département’s line', () => {
    expect(territoryBarrierCsv(coverage)).toEqual([
      ['Territoire', 'Type', 'Communes', 'Mobilité : offres accessibles', 'Mobilité : communes sans offre', 'Santé : offres accessibles', 'Santé : communes sans offre'],
      ['Marmande', 'arrondissement', 2, 3, 0, 1, 1],
      ['Lot-et-Garonne (département)', 'département', 2, 3, 0, 1, 1],
    ]);
    expect(unmetNeedsCsv(coverage)).toEqual([
      ['Territoire', 'Mobilité', 'Santé', 'Total'],
      ['Marmande', 0, 4, 4],
      ['Lot-et-Garonne (département)', 0, 4, 4],
    ]);
  });
});

describe('the history of changes in French', () => {
  it('names the fields of a structure’s people and their roles', () => {
    expect([fieldLabel('member'), fieldLabel('role'), fieldLabel('requester'), fieldLabel('email')]).toEqual(['Membre', 'Rôle', 'Demande de', 'Courriel']);
    expect([valueText('member', 'role'), valueText('admin', 'role'), valueText(null, 'role')]).toEqual(['membre', 'administrateur', 'vide']);
    // Only the role field reads « admin » as a role: a name stays as written.
    expect(valueText('admin', 'member')).toBe('admin');
    expect(valueText('validated', 'status')).toBe('validée');
  });

  it('reads referential codes by their labels, instants as French dates, and names the source fields', () => {
    const refs = referentialsPayload() as unknown as Referentials;
    expect(valueText(['numerique--acceder-a-des-services-en-ligne'], 'thematiques', refs)).not.toContain('--');
    expect(valueText(['tous-publics'], 'publics', refs)).toBe(label(refs, 'publics', 'tous-publics'));
    expect(label(refs, 'publics', 'tous-publics')).not.toBe('tous-publics');
    expect(valueText(['a-distance', 'en-presentiel'], 'modes_accueil', refs)).toBe(['a-distance', 'en-presentiel'].map((v) => label(refs, 'modes_accueil', v)).join(', '));
    expect(valueText('2026-11-29T17:49:51.707Z', 'confirmed_at')).toBe('29 novembre 2026 à 18:49');
    expect([fieldLabel('structure_id'), fieldLabel('source'), fieldLabel('source_id')]).toEqual(['Structure', 'Source des données', 'Identifiant chez la source']);
  });
});
