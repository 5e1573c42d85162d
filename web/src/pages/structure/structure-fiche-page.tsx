/** /structure/:id/fiche — the structure's own fiche (its admins and the coordinators), and archiving it. */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { archiveStructure } from '../../api/space-endpoints.ts';
import { navigate } from '../../router.ts';
import { StructureForm } from '../../components/structure/structure-form.tsx';
import { ReasonForm } from '../../components/spaces/reason-form.tsx';
import { WithStructure } from './structure-loader.tsx';
import '../../styles/spaces.css';

export function StructureFichePage({ params }: PageProps) {
  const [archiving, setArchiving] = useState(false);
  return (
    <WithStructure id={params.id!} title="Fiche de la structure">
      {(structure, _me, reload) => (
        <>
          <h1>Fiche de la structure</h1>
          <p class="lead">Ce que les professionnels voient de « {structure.name} » : son adresse, ses contacts et ses horaires s’appliquent aux offres qui n’en précisent pas.</p>
          <StructureForm structure={structure} submitLabel="Enregistrer la fiche" onSaved={() => reload()} />
          {structure.status !== 'archived' && (
            <section class="panel danger-zone" aria-labelledby="archiver">
              <h2 id="archiver">Archiver la structure</h2>
              <p>La structure a fermé ou ne propose plus d’offre d’insertion : archivée, elle et toutes ses offres disparaissent des recherches.</p>
              {archiving ? (
                <ReasonForm
                  id="archiver-motif"
                  label="Motif"
                  hint="Fermeture, fusion, doublon…"
                  submitLabel="Archiver la structure et ses offres"
                  onCancel={() => setArchiving(false)}
                  onSubmit={async (reason) => {
                    await archiveStructure(structure.id, reason);
                    navigate(`/structure/${structure.id}`);
                  }}
                />
              ) : (
                <button type="button" class="button button--danger" onClick={() => setArchiving(true)}>
                  Archiver…
                </button>
              )}
            </section>
          )}
        </>
      )}
    </WithStructure>
  );
}
