/** /structure/:id/historique — what changed in the structure and its offers, by whom and when. */
import type { PageProps } from '../../routes.ts';
import { getStructureAudit } from '../../api/space-endpoints.ts';
import { AuditList } from '../../components/spaces/audit-list.tsx';
import { WithStructure } from './structure-loader.tsx';
import '../../styles/spaces.css';

export function StructureHistoryPage({ params }: PageProps) {
  return (
    <WithStructure id={params.id!} title="Historique">
      {(structure) => (
        <>
          <h1>Historique de « {structure.name} »</h1>
          <p class="lead">Chaque modification de la structure et de ses offres, la plus récente d’abord.</p>
          <section class="panel">
            <AuditList showEntity load={(page, signal) => getStructureAudit(structure.id, page, signal)} />
          </section>
        </>
      )}
    </WithStructure>
  );
}
