/**
 * The commune × barrier table of a coverage, as the rows of the CSV the coordinators' dashboard
 * exports: French headers, one row per commune, offers then unmet needs per barrier.
 */
import { BARRIERS } from './referentials/index.ts';
import type { BarrierCounts, Coverage, UnmetNeeds } from './coverage.ts';
import { zeroCounts } from './coverage.ts';

export type TableRow = (string | number)[];

export function coverageTable(coverage: Coverage, unmet: UnmetNeeds): TableRow[] {
  const header: TableRow = [
    'Code commune',
    'Commune',
    'Population',
    ...BARRIERS.map((b) => `${b.label} : offres accessibles`),
    ...BARRIERS.map((b) => `${b.label} : besoins non couverts`),
  ];
  const rows = coverage.communes.map((c): TableRow => {
    const needs: BarrierCounts = unmet.byCommune.get(c.code) ?? zeroCounts();
    return [c.code, c.name, c.population, ...BARRIERS.map((b) => c.offers[b.key]), ...BARRIERS.map((b) => needs[b.key])];
  });
  return [header, ...rows];
}
