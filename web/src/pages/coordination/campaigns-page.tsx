/**
 * /coordination/campagnes — the monthly freshness campaign, as a coordinator follows it: for each
 * structure mailed this month (or a month chosen), how many of its overdue offers were confirmed
 * since (from the mail's link or otherwise) and how many are still overdue.
 */
import type { PageProps } from '../../routes.ts';
import { navigate, useLocation } from '../../router.ts';
import { getCampaignProgress } from '../../api/orientations.ts';
import { useAsync } from '../../state/use-async.ts';
import { dateText, plural } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { CoordinationFrame } from '../../components/coordination/coordination-frame.tsx';
import { SelectField } from '../../components/forms/select-field.tsx';
import '../../styles/spaces.css';
import '../../styles/orientations.css';
import { de } from '../../lib/french.ts';

const monthText = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString('fr-FR', { month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

function Campaign({ dept, month }: { dept: string; month: string }) {
  const progress = useAsync((signal) => getCampaignProgress({ dept, ...(month ? { month } : {}) }, signal), [dept, month]);
  const { path, query } = useLocation();
  const p = progress.data;
  return (
    <>
      {p && p.months.length > 0 && (
        <div class="field--inline">
          <SelectField
            id="campagne-mois"
            label="Mois"
            value={p.month}
            options={[...new Set([p.month, ...p.months])].map((m) => ({ value: m, label: monthText(m) }))}
            onValue={(m) => {
              const next = new URLSearchParams(query);
              next.set('mois', m);
              navigate(`${path}?${next}`);
            }}
          />
        </div>
      )}
      {progress.error && <ErrorNotice message={progress.error.userMessage} onRetry={progress.reload} />}
      {!p && !progress.error && <Loading label="Chargement de la campagne…" />}
      {p && (
        <>
          <h2>Campagne {de(monthText(p.month))}</h2>
          {p.totals.structures === 0 ? (
            <p>Aucun courriel envoyé ce mois-ci : aucune structure n’avait d’offre en retard, ou la campagne n’est pas encore partie.</p>
          ) : (
            <ul class="campaign-totals" data-testid="campaign-totals">
              <li>
                <strong>{p.totals.structures_done}</strong> / {plural(p.totals.structures, 'structure')} à jour
              </li>
              <li>
                <strong>{p.totals.confirmed}</strong> / {plural(p.totals.offers, 'offre')} confirmées, dont {p.totals.confirmed_by_link} depuis le courriel
              </li>
              <li>
                <strong>{p.totals.still_overdue}</strong> encore en retard
              </li>
            </ul>
          )}
          {p.structures.length > 0 && (
            <table class="campaign-table">
              <caption class="sr-only">Avancement par structure</caption>
              <thead>
                <tr>
                  <th scope="col">Structure</th>
                  <th scope="col">Courriel envoyé</th>
                  <th scope="col" class="number">
                    Offres
                  </th>
                  <th scope="col" class="number">
                    Confirmées
                  </th>
                  <th scope="col" class="number">
                    Encore en retard
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.structures.map((s) => (
                  <tr data-structure={s.structure.id}>
                    <th scope="row">
                      {s.structure.name}
                      {s.structure.commune_name && <span class="hint"> ({s.structure.commune_name})</span>}
                      <details>
                        <summary>Détail des offres</summary>
                        <ul>
                          {s.offers.map((o) => (
                            <li>
                              <a href={`/offres/${o.id}`}>{o.name}</a> — {o.overdue ? 'en retard' : o.confirmed_since ? `confirmée${o.confirmed_by_link ? ' depuis le courriel' : ''}` : 'à jour'}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </th>
                    <td>{s.recipients ? dateText(s.sent_at) : 'aucune adresse'}</td>
                    <td class="number">{s.offers_total}</td>
                    <td class="number">
                      {s.confirmed}
                      {s.confirmed_by_link > 0 && <span class="hint"> (dont {s.confirmed_by_link} par le lien)</span>}
                    </td>
                    <td class="number">{s.still_overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

export function CampaignsPage({ query }: PageProps) {
  useTitle('Campagnes de mise à jour');
  const month = query.get('mois') ?? '';
  return (
    <CoordinationFrame
      title="Campagnes de mise à jour"
      lead="Chaque mois, les structures dont des offres n’ont pas été confirmées à temps reçoivent un courriel : un clic sur « Rien n’a changé » confirme une offre, « Modifier » ouvre l’espace de la structure."
    >
      {(dept) => <Campaign key={dept} dept={dept} month={month} />}
    </CoordinationFrame>
  );
}
