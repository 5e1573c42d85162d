/**
 * /coordination/indicateurs — the département's catalogue in figures (GET /api/indicators): offers
 * per status, per barrier, per thématique catégorie and per territory, freshness and completeness;
 * every table downloadable as CSV.
 */
import type { PageProps } from '../../routes.ts';
import type { DepartementIndicators } from '../../api/space-types.ts';
import type { Referentials } from '../../api/types.ts';
import { getIndicators } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { useReferentials } from '../../state/referentials.ts';
import type { CsvRow } from '../../coordination/csv.ts';
import { plural } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { CoordinationFrame } from '../../components/coordination/coordination-frame.tsx';
import { CsvButton } from '../../components/coordination/csv-button.tsx';
import { OFFER_STATUS_LABELS } from '../../components/spaces/status-badges.tsx';
import { TableWrap } from '../../components/spaces/table-wrap.tsx';
import '../../styles/spaces.css';

const percent = (n: number | null) => (n == null ? '—' : `${Math.round(n * 100)} %`);

/** A two-column table (label, number) with bars, its CSV, under a heading. */
function CountTable(p: { id: string; title: string; hint?: string; head: [string, string]; rows: Array<[string, number]>; filename: string; zeroIsAGap?: boolean }) {
  const { id, title, hint, head, rows, filename } = p;
  const max = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <section class="panel" aria-labelledby={id}>
      <div class="table-head">
        <h2 id={id}>{title}</h2>
        <CsvButton filename={filename} rows={(): CsvRow[] => [head, ...rows]} />
      </div>
      {hint && <p class="hint">{hint}</p>}
      <TableWrap labelledBy={id}>
        <table class="data-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{head[0]}</th>
              <th scope="col" class="number">
                {head[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, n]) => (
              <tr>
                <th scope="row">{label}</th>
                <td class={`number${n === 0 && p.zeroIsAGap ? ' zone-blanche' : ''}`}>
                  <span class="bar" style={{ width: `${(n / max) * 8}rem` }} aria-hidden="true" />
                  {n}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Figures({ data, refs }: { data: DepartementIndicators; refs: Referentials | null }) {
  const code = data.departement.code;
  const file = (what: string) => `indicateurs-${what}-${code}.csv`;
  const categoryLabel = (key: string) => refs?.categories.find((c) => c.value === key)?.label ?? key;
  const barrierLabel = (key: string) => refs?.barriers.find((b) => b.key === key)?.label ?? key;
  // Published offers of structures not validated yet: counted by status, not visible.
  const waiting = Math.max(0, data.by_status.published - data.published);
  return (
    <>
      <ul class="stat-cards" aria-label="Chiffres clés">
        <li class="stat-card">
          <strong>{data.published}</strong> offres publiées et visibles
          {waiting > 0 && (
            <span class="stat-card__note" data-testid="published-not-visible">
              {' '}
              (et {plural(waiting, 'offre publiée')} d’une structure pas encore validée, donc invisible{waiting > 1 ? 's' : ''} pour l’instant)
            </span>
          )}
        </li>
        <li class="stat-card">
          <strong>{percent(data.freshness.share_overdue)}</strong> à confirmer ({data.freshness.overdue} en retard de mise à jour)
        </li>
        <li class="stat-card">
          <strong>{percent(data.completeness.mean)}</strong> de complétude moyenne (médiane {percent(data.completeness.median)})
        </li>
        <li class="stat-card">
          <strong>{data.by_status.draft}</strong> brouillons en préparation
        </li>
      </ul>
      <CountTable
        id="par-statut"
        title="Offres par statut"
        hint={`Toutes les offres des structures du département (hors structures archivées ou refusées)${waiting > 0 ? ` : « Publiée » compte aussi ${plural(waiting, 'offre')} d’une structure en attente de validation, que la recherche ne montre pas encore` : ''}.`}
        head={['Statut', 'Offres']}
        rows={Object.entries(data.by_status).map(([status, n]) => [OFFER_STATUS_LABELS[status] ?? status, n])}
        filename={file('statuts')}
      />
      <CountTable
        id="par-frein"
        title="Offres publiées par frein"
        hint="Une offre compte pour chaque frein auquel elle répond."
        head={['Frein', 'Offres publiées']}
        rows={Object.entries(data.by_barrier).map(([key, n]) => [barrierLabel(key), n])}
        filename={file('freins')}
        zeroIsAGap
      />
      <CountTable
        id="par-thematique"
        title="Offres publiées par thématique"
        head={['Thématique (catégorie data·inclusion)', 'Offres publiées']}
        rows={Object.entries(data.by_categorie).map(([key, n]) => [categoryLabel(key), n])}
        filename={file('thematiques')}
        zeroIsAGap
      />
      <CountTable
        id="par-territoire"
        title="Offres publiées par territoire"
        hint={`Selon la commune où l’offre a lieu (la sienne, sinon celle de sa structure). Sans lieu dans un territoire (à distance, itinérantes…) : ${data.without_area}.`}
        head={['Territoire', 'Offres publiées']}
        rows={data.by_area.map((a) => [a.name, a.offers])}
        filename={file('territoires')}
        zeroIsAGap
      />
      <CountTable
        id="completude"
        title="Complétude des offres publiées"
        hint="Score de qualité data·inclusion : adresse, contact, publics, frais, modalités d’orientation, description…"
        head={['Complétude', 'Offres publiées']}
        rows={data.completeness.classes.map((c) => [c.label, c.offers])}
        filename={file('completude')}
      />
    </>
  );
}

function Indicators({ dept }: { dept: string }) {
  const indicators = useAsync((signal) => getIndicators(dept, signal), [dept]);
  const refs = useReferentials();
  if (indicators.error) return <ErrorNotice message={indicators.error.userMessage} onRetry={indicators.reload} />;
  if (!indicators.data) return <Loading label="Calcul des indicateurs…" />;
  return <Figures data={indicators.data} refs={refs.data} />;
}

export function IndicatorsPage(_: PageProps) {
  useTitle('Indicateurs du département');
  return (
    <CoordinationFrame title="Indicateurs du département" lead="L’offre d’insertion du département en chiffres : ce qui est publié, où, pour quels freins, à jour et complet.">
      {(dept) => <Indicators key={dept} dept={dept} />}
    </CoordinationFrame>
  );
}
