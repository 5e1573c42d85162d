/**
 * The coverage dashboard's tables, as rows the page shows and the CSV exports alike: territories ×
 * barriers (offers reachable, communes without any), unmet needs per territory, and one barrier
 * across the communes or the areas (the map's data as a table).
 */
import type { Coverage } from '../api/space-types.ts';
import type { CsvRow } from './csv.ts';

export const CLASSES = [
  { min: 0, color: '#c2410c', label: 'aucune offre (zone blanche)' },
  { min: 1, color: '#c9d6f2', label: '1 ou 2 offres' },
  { min: 3, color: '#8ea9e0', label: '3 à 5 offres' },
  { min: 6, color: '#4b70c5', label: '6 à 10 offres' },
  { min: 11, color: '#1b3b8b', label: '11 offres et plus' },
] as const;

export type Level = 'communes' | 'areas';

export interface MapRow {
  id: string;
  name: string;
  offers: number;
  unmet: number;
  /** Areas: their communes without an offer for the barrier. */
  zonesBlanches: number | null;
}

/** One barrier over the communes or the areas, zones blanches first, then by name. */
export function mapRows(coverage: Coverage, level: Level, barrier: string): MapRow[] {
  const rows: MapRow[] =
    level === 'communes'
      ? coverage.communes.map((c) => ({ id: c.code, name: c.name, offers: c.offers[barrier as keyof typeof c.offers] ?? 0, unmet: c.unmet_needs[barrier as keyof typeof c.unmet_needs] ?? 0, zonesBlanches: null }))
      : coverage.areas.map((a) => ({
          id: a.id,
          name: a.name,
          offers: a.offers[barrier as keyof typeof a.offers] ?? 0,
          unmet: a.unmet_needs[barrier as keyof typeof a.unmet_needs] ?? 0,
          zonesBlanches: a.zones_blanches[barrier as keyof typeof a.zones_blanches] ?? 0,
        }));
  return rows.sort((a, b) => Number(a.offers > 0) - Number(b.offers > 0) || a.name.localeCompare(b.name, 'fr'));
}

export function mapRowsCsv(rows: readonly MapRow[], level: Level, barrierLabel: string): CsvRow[] {
  const head = [level === 'communes' ? 'Commune' : 'Territoire', `${barrierLabel} : offres accessibles`, ...(level === 'areas' ? ['Communes sans offre'] : []), 'Besoins non couverts'];
  return [head, ...rows.map((r) => [r.name, r.offers, ...(level === 'areas' ? [r.zonesBlanches] : []), r.unmet])];
}

/** Territories × barriers: per area (and the whole département), offers reachable and communes without any. */
export function territoryBarrierCsv(coverage: Coverage): CsvRow[] {
  const head = ['Territoire', 'Type', 'Communes', ...coverage.barriers.flatMap((b) => [`${b.label} : offres accessibles`, `${b.label} : communes sans offre`])];
  const area = (name: string, kind: string, communes: number, offers: Record<string, number>, blanks: Record<string, number>): CsvRow => [
    name,
    kind,
    communes,
    ...coverage.barriers.flatMap((b) => [offers[b.key] ?? 0, blanks[b.key] ?? 0]),
  ];
  return [
    head,
    ...coverage.areas.map((a) => area(a.name, a.kind, a.communes, a.offers, a.zones_blanches)),
    area(`${coverage.departement.name} (département)`, 'département', coverage.communes.length, coverage.totals.offers, coverage.totals.zones_blanches),
  ];
}

/** Unmet needs (searches that found nothing) per area and barrier over the period, and the département's total. */
export function unmetNeedsCsv(coverage: Coverage): CsvRow[] {
  const head = ['Territoire', ...coverage.barriers.map((b) => b.label), 'Total'];
  const row = (name: string, needs: Record<string, number>): CsvRow => {
    const values = coverage.barriers.map((b) => needs[b.key] ?? 0);
    return [name, ...values, values.reduce((a, b) => a + b, 0)];
  };
  return [head, ...coverage.areas.map((a) => row(a.name, a.unmet_needs)), row(`${coverage.departement.name} (département)`, coverage.totals.unmet_needs)];
}
