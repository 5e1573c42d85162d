/**
 * /coordination/couverture — where each barrier has an answer in the département: a map of the
 * communes or the areas coloured by the number of offers a person living there can reach for the
 * chosen barrier (zones blanches stand out), the same figures as a table, the territory × barrier
 * table, the unmet needs recorded by searches over a period, and every table as CSV.
 */
import type { PageProps } from '../../routes.ts';
import type { Coverage } from '../../api/space-types.ts';
import { coverageCsvUrl, getCoverage } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { navigate, useLocation } from '../../router.ts';
import { dateText, plural } from '../../format.ts';
import { mapRows, mapRowsCsv, territoryBarrierCsv, unmetNeedsCsv, type Level } from '../../coordination/coverage-tables.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SelectField } from '../../components/forms/select-field.tsx';
import { TextField } from '../../components/forms/text-field.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { CoordinationFrame } from '../../components/coordination/coordination-frame.tsx';
import { CsvButton } from '../../components/coordination/csv-button.tsx';
import { ChoroplethView } from '../../components/coordination/choropleth-view.tsx';
import { TableWrap } from '../../components/spaces/table-wrap.tsx';
import '../../styles/spaces.css';

const LEVELS = [
  { value: 'communes', label: 'par commune' },
  { value: 'territoires', label: 'par territoire (arrondissement, bassin…)' },
];

function useSetting() {
  const { path, query } = useLocation();
  return (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`${path}?${next}`, { replace: true, keepScroll: true });
  };
}

function TerritoryTable({ c }: { c: Coverage }) {
  return (
    <section class="panel" aria-labelledby="territoires-freins">
      <div class="table-head">
        <h2 id="territoires-freins">Offres accessibles par territoire et par frein</h2>
        <CsvButton filename={`couverture-territoires-${c.departement.code}-${c.day}.csv`} rows={() => territoryBarrierCsv(c)} />
      </div>
      <p class="hint">Dans chaque case : les offres accessibles depuis au moins une commune du territoire ; en orange, le nombre de ses communes sans aucune offre (zones blanches).</p>
      <TableWrap labelledBy="territoires-freins">
        <table class="data-table" aria-labelledby="territoires-freins">
          <thead>
            <tr>
              <th scope="col">Territoire</th>
              {c.barriers.map((b) => (
                <th scope="col" class="number">
                  {b.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...c.areas, { id: 'departement', name: `${c.departement.name} (département)`, offers: c.totals.offers, zones_blanches: c.totals.zones_blanches }].map((a) => (
              <tr>
                <th scope="row">{a.name}</th>
                {c.barriers.map((b) => {
                  const blanks = a.zones_blanches[b.key];
                  return (
                    <td class={`number${a.offers[b.key] === 0 ? ' zone-blanche' : ''}`}>
                      {a.offers[b.key]}
                      {blanks > 0 && (
                        <span class="badge badge--warning" title={`${plural(blanks, 'commune')} sans offre`}>
                          {blanks}
                          <span class="sr-only"> {blanks > 1 ? 'communes' : 'commune'} sans offre</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function UnmetTable({ c }: { c: Coverage }) {
  const rows = unmetNeedsCsv(c);
  const total = rows[rows.length - 1]![rows[0]!.length - 1] as number;
  return (
    <section class="panel" aria-labelledby="besoins">
      <div class="table-head">
        <h2 id="besoins">Besoins non couverts</h2>
        <CsvButton filename={`besoins-non-couverts-${c.departement.code}-${c.period.from}-${c.period.to}.csv`} rows={() => rows} />
      </div>
      <p class="hint">
        Recherches de professionnels qui n’ont trouvé aucune offre pour un frein, du {dateText(c.period.from)} au {dateText(c.period.to)} : {plural(total, 'recherche')} sans réponse. Seuls la commune, le
        frein et le jour sont enregistrés.
      </p>
      <TableWrap labelledBy="besoins">
        <table class="data-table" aria-labelledby="besoins">
          <thead>
            <tr>
              {rows[0]!.map((h, i) => (
                <th scope="col" class={i ? 'number' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(1).map((r) => (
              <tr>
                <th scope="row">{r[0]}</th>
                {r.slice(1).map((v) => (
                  <td class="number">{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function CoverageDashboard({ dept }: { dept: string }) {
  const { query } = useLocation();
  const set = useSetting();
  const from = query.get('du') ?? '';
  const to = query.get('au') ?? '';
  const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const coverage = useAsync((signal) => getCoverage(dept, period, signal), [dept, from, to]);
  if (coverage.error && !coverage.data) return <ErrorNotice message={coverage.error.userMessage} onRetry={coverage.reload} />;
  if (!coverage.data) return <Loading label="Calcul de la couverture…" />;
  const c = coverage.data;
  const barrier = c.barriers.find((b) => b.key === query.get('frein')) ?? c.barriers[0]!;
  const level: Level = query.get('niveau') === 'territoires' ? 'areas' : 'communes';
  const rows = mapRows(c, level, barrier.key);
  const blanks = rows.filter((r) => r.offers === 0).length;
  const unit = level === 'communes' ? 'commune' : 'territoire';
  return (
    <>
      <form class="panel coverage-controls" onSubmit={(e) => e.preventDefault()} aria-label="Ce que montre la carte">
        <SelectField id="frein" label="Frein" value={barrier.key} options={c.barriers.map((b) => ({ value: b.key, label: b.label }))} onValue={(v) => set('frein', v)} />
        <SelectField id="niveau" label="Découpage de la carte" value={level === 'areas' ? 'territoires' : 'communes'} options={LEVELS} onValue={(v) => set('niveau', v === 'communes' ? '' : v)} />
        <TextField id="du" label="Besoins non couverts : du" type="date" value={from || c.period.from} onValue={(v) => set('du', v)} error={coverage.error?.errors.find((e) => e.path === 'from')?.message} />
        <TextField id="au" label="au" type="date" value={to || c.period.to} onValue={(v) => set('au', v)} error={coverage.error?.errors.find((e) => e.path === 'to')?.message} />
      </form>
      <section class="panel" aria-labelledby="carte">
        <h2 id="carte">
          {barrier.label} : offres accessibles {level === 'communes' ? 'par commune' : 'par territoire'}
        </h2>
        <p data-testid="coverage-summary">
          <strong>{plural(blanks, unit)}</strong> sur {rows.length} sans aucune offre pour « {barrier.label} » dans un rayon de {c.radius_km} km (calcul du {dateText(c.day)}).
        </p>
        <ChoroplethView departement={c.departement.code} level={level} rows={rows} barrierLabel={barrier.label} />
        <details class="map-table">
          <summary>Les chiffres de la carte en tableau ({plural(rows.length, unit)})</summary>
          <div class="table-head">
            <span />
            <CsvButton filename={`couverture-${barrier.key}-${level === 'communes' ? 'communes' : 'territoires'}-${c.departement.code}-${c.day}.csv`} rows={() => mapRowsCsv(rows, level, barrier.label)} />
          </div>
          <TableWrap label={`${barrier.label} : chiffres de la carte`}>
            <table class="data-table">
              <caption class="sr-only">
                {barrier.label} : offres accessibles et besoins non couverts {level === 'communes' ? 'par commune' : 'par territoire'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{level === 'communes' ? 'Commune' : 'Territoire'}</th>
                  <th scope="col" class="number">
                    Offres accessibles
                  </th>
                  {level === 'areas' && (
                    <th scope="col" class="number">
                      Communes sans offre
                    </th>
                  )}
                  <th scope="col" class="number">
                    Besoins non couverts
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td class={`number${r.offers === 0 ? ' zone-blanche' : ''}`}>{r.offers === 0 ? '0 (zone blanche)' : r.offers}</td>
                    {level === 'areas' && <td class="number">{r.zonesBlanches}</td>}
                    <td class="number">{r.unmet}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
        <p>
          <a class="button button--secondary button--small" href={coverageCsvUrl(c.departement.code, period)} download>
            <Icon name="download" size={16} />
            Tableau commune × frein (CSV)
          </a>
        </p>
      </section>
      <TerritoryTable c={c} />
      <UnmetTable c={c} />
    </>
  );
}

export function CoveragePage(_: PageProps) {
  useTitle('Couverture du département');
  return (
    <CoordinationFrame title="Couverture du département" lead="Quels freins trouvent une réponse, et où : les zones blanches, et les besoins que les recherches n’ont pas trouvés.">
      {(dept) => <CoverageDashboard key={dept} dept={dept} />}
    </CoordinationFrame>
  );
}
