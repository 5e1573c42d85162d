/**
 * The history of an offer or a structure (GET …/audit): who did what and when, with the fields
 * that changed (before → after) in French, page by page.
 */
import { useState } from 'preact/hooks';
import type { AuditItem, Page } from '../../api/space-types.ts';
import { useAsync } from '../../state/use-async.ts';
import { dateTimeText } from '../../format.ts';
import { fieldLabel, valueText } from '../../structure/field-labels.ts';
import { useReferentials } from '../../state/referentials.ts';
import { Loading } from '../ui/loading.tsx';
import { ErrorNotice } from '../ui/error-notice.tsx';

export function AuditList({ load, showEntity = false }: { load: (page: number, signal: AbortSignal) => Promise<Page<AuditItem>>; showEntity?: boolean }) {
  const [page, setPage] = useState(1);
  const history = useAsync((signal) => load(page, signal), [page]);
  // Codes (thématiques, publics…) read by their labels once the referentials are here.
  const refs = useReferentials().data ?? null;
  if (history.error) return <ErrorNotice message={history.error.userMessage} onRetry={history.reload} />;
  if (!history.data) return <Loading label="Chargement de l’historique…" />;
  const { items, total, size } = history.data;
  if (!items.length) return <p>Aucun changement enregistré pour l’instant.</p>;
  return (
    <>
      <ol class="audit-list">
        {items.map((e) => (
          <li class="audit-entry">
            <p class="audit-entry__head">
              <strong>{e.action_label}</strong>
              {showEntity && e.entity === 'offer' && <> — offre « {e.entity_name ?? e.entity_id} »</>}
              <span class="hint-inline">
                {' '}
                le {dateTimeText(e.at)}, {e.actor ? `par ${e.actor.name}` : 'automatiquement'}
              </span>
            </p>
            {e.reason && <p class="audit-entry__reason">Motif : {e.reason}</p>}
            {Object.keys(e.changes).length > 0 && (
              <dl class="audit-changes">
                {Object.entries(e.changes).map(([field, [before, after]]) => (
                  <>
                    <dt>{fieldLabel(field)}</dt>
                    <dd>
                      <span class="audit-before">{valueText(before, field, refs)}</span> → <span class="audit-after">{valueText(after, field, refs)}</span>
                    </dd>
                  </>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
      {total > size && (
        <nav class="pagination" aria-label="Pages de l’historique">
          <button type="button" class="button button--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Plus récents
          </button>
          <span>
            Page {page} sur {Math.ceil(total / size)}
          </span>
          <button type="button" class="button button--secondary" disabled={page * size >= total} onClick={() => setPage(page + 1)}>
            Plus anciens
          </button>
        </nav>
      )}
    </>
  );
}
