/**
 * /structure/offres/:id — an offer in its structure's space: the guided form, its status and what
 * can be done with it (publish, « rien n'a changé », suspend, archive), and its history.
 */
import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import type { EditableOffer, Structure } from '../../api/space-types.ts';
import { getEditableOffer, getOfferAudit, getStructure } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import type { FieldErrors } from '../../structure/field-errors.ts';
import { takeGeocoding } from '../../structure/saved-geocoding.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { SignedIn } from '../../components/spaces/signed-in.tsx';
import { AuditList } from '../../components/spaces/audit-list.tsx';
import { OfferForm } from '../../components/structure/offer-form.tsx';
import { OfferActions } from '../../components/structure/offer-actions.tsx';
import '../../styles/spaces.css';

function Editor({ initial, structure, created }: { initial: EditableOffer; structure: Structure; created: boolean }) {
  const [offer, setOffer] = useState(initial);
  const [problems, setProblems] = useState<FieldErrors>({});
  const [historyVersion, setHistoryVersion] = useState(0);
  const geocoded = useMemo(() => ({ ...initial, geocoding: takeGeocoding(initial.id) ?? initial.geocoding }), [initial]);
  return (
    <>
      <h1>{offer.name}</h1>
      {created && <SuccessNotice message="Brouillon enregistré. Complétez la fiche, puis publiez-la quand elle est prête : les points à compléter sont listés à côté." />}
      <OfferForm
        structure={structure}
        offer={geocoded}
        onSaved={(saved) => {
          setOffer(saved);
          setHistoryVersion((n) => n + 1);
        }}
        outsideErrors={problems}
        onEdited={() => Object.keys(problems).length && setProblems({})}
        aside={
          <OfferActions
            offer={offer}
            onProblems={setProblems}
            onChanged={(changed) => {
              setOffer(changed);
              setHistoryVersion((n) => n + 1);
            }}
          />
        }
      />
      <details class="panel history" id="historique">
        <summary>
          <h2>Historique de l’offre</h2>
        </summary>
        <AuditList key={historyVersion} load={(page, signal) => getOfferAudit(offer.id, page, signal)} />
      </details>
    </>
  );
}

export function OfferEditPage({ params, query }: PageProps) {
  const loaded = useAsync(async (signal) => {
    const offer = await getEditableOffer(params.id!, signal);
    return { offer, structure: await getStructure(offer.structure.id, signal) };
  }, [params.id]);
  useTitle(loaded.data ? `Modifier « ${loaded.data.offer.name} »` : 'Offre');
  return (
    <SignedIn title="Offre" why="Connectez-vous avec votre compte professionnel pour modifier les offres de votre structure.">
      {() => (
        <div class="page-wide">
          {loaded.data && (
            <p>
              <a class="back-link" href={`/structure/${loaded.data.structure.id}`}>
                <Icon name="arrowLeft" />
                {loaded.data.structure.name}
              </a>
            </p>
          )}
          {loaded.error && (
            <>
              <h1>Offre</h1>
              <ErrorNotice
                title={loaded.error.status === 404 ? 'Offre introuvable' : 'Offre indisponible'}
                message={loaded.error.status === 404 ? 'Cette offre n’existe pas, ou elle appartient à une structure dont vous n’êtes pas membre.' : loaded.error.userMessage}
              />
            </>
          )}
          {!loaded.data && !loaded.error && <Loading label="Chargement de l’offre…" />}
          {loaded.data && <Editor key={loaded.data.offer.id} initial={loaded.data.offer} structure={loaded.data.structure} created={query.get('nouvelle') === '1'} />}
        </div>
      )}
    </SignedIn>
  );
}
